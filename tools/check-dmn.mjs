#!/usr/bin/env node
// Checks every *.dmn file under processes/ (or under the directories given as
// arguments): it must be well-formed XML whose root is <definitions> in the
// DMN 1.3 namespace. Files are parsed with dmn-moddle, the parser behind
// dmn-js / Camunda Modeler; its import warnings (unknown or unparsable
// content) count as errors. No .dmn file at all is fine.

import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { DmnModdle } from 'dmn-moddle';

const DMN13_NS = 'https://www.omg.org/spec/DMN/20191111/MODEL/';

const roots = process.argv.length > 2 ? process.argv.slice(2) : [ 'processes' ];

async function findDmnFiles(root) {
  let entries;

  try {
    entries = await readdir(root, { recursive: true, withFileTypes: true });
  } catch (error) {
    if (error.code === 'ENOENT') {
      return [];
    }

    throw error;
  }

  return entries
    .filter(entry => entry.isFile() && entry.name.toLowerCase().endsWith('.dmn'))
    .map(entry => join(entry.parentPath ?? entry.path, entry.name));
}

function firstLine(message) {
  return String(message).split('\n')[0];
}

async function checkFile(file, moddle) {
  const problems = [];
  const xml = await readFile(file, 'utf8');

  try {
    const { rootElement, warnings = [] } = await moddle.fromXML(xml);

    if (!rootElement || rootElement.$type !== 'dmn:Definitions') {
      problems.push(`root element is not <definitions> in namespace ${ DMN13_NS }`);
    }

    for (const warning of warnings) {
      const id = warning.element && warning.element.id;

      problems.push((id ? `${ id }: ` : '') + firstLine(warning.message));
    }
  } catch (error) {
    let message = firstLine(error.message);

    if (/failed to parse document as <dmn:Definitions>/.test(message)) {
      message += ` (root must be <definitions> in the DMN 1.3 namespace ${ DMN13_NS })`;
    }

    problems.push(message);
  }

  return problems;
}

const files = (await Promise.all(roots.map(findDmnFiles))).flat().sort();
const moddle = new DmnModdle();

let failed = 0;

for (const file of files) {
  const problems = await checkFile(file, moddle);

  if (problems.length) {
    failed++;
    console.error(`\n${ resolve(file) }`);

    for (const problem of problems) {
      console.error(`  error  ${ problem }`);
    }
  }
}

if (failed) {
  console.error(`\n✖ ${ failed } of ${ files.length } DMN file(s) failed the check`);
  process.exit(1);
}

if (files.length) {
  console.log(`✔ ${ files.length } DMN file(s) OK: ${ files.map(f => relative('.', f)).join(', ') }`);
}
