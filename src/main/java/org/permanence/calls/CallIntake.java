package org.permanence.calls;

/**
 * Starts the call-intake process for a call a provider announced. The engine's side lives in
 * {@code org.permanence.calls.engine}, so this package stays free of the engine (workers load it too).
 */
public interface CallIntake {

    /** Starts it in the caller's transaction and answers the process instance id. */
    String start(IncomingCall call);
}
