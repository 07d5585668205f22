package dev.crm.query.admin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tables (in {@code read_model}) a subscribing projection writes, and only those: declaring them makes
 * its processing group rebuildable by {@code POST /api/admin/projections/{group}/rebuild}. The rebuild
 * replays the event store through the projection's own handlers into copies of these tables, then swaps
 * them in. So the handlers must name these tables as {@code read_model.<table>} in their SQL, write no
 * other table, and the tables must not own sequences (serial columns): their values come from events.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadModelTables {

    String[] value();
}
