package org.permanence.calls;

import java.util.List;

/** One page of calls, newest first, and how many there are in all. */
public record CallPage(List<Call> calls, int page, int pageSize, long total) {
}
