/** What this feature does through the engine's API; other features may use it (an engine-facing part of theirs). */
@NamedInterface("engine")
package org.permanence.manage.engine;

import org.springframework.modulith.NamedInterface;
