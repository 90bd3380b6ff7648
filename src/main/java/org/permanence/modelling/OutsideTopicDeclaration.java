package org.permanence.modelling;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a manager says of a topic served outside: who serves it (a program, a machine, a person to ask). */
record OutsideTopicDeclaration(@NotBlank @Size(max = 200) String servedBy) {
}
