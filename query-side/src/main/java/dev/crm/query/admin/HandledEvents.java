package dev.crm.query.admin;

import java.util.List;

/**
 * A projection whose one handler takes every event but uses only these payload types: the ones a rebuild
 * replays into it.
 */
public interface HandledEvents {

    List<String> eventTypes();
}
