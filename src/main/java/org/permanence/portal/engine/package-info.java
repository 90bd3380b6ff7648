/** The client portal's accounts in the engine's identity service: users of the {@code client-users} group, one tenant each. */
@org.springframework.modulith.NamedInterface("engine")
package org.permanence.portal.engine;
