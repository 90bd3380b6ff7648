/** What this feature does through the engine's API; other features may use it (the client portal answers drafts here). */
@NamedInterface("engine")
package org.permanence.drafting.engine;

import org.springframework.modulith.NamedInterface;
