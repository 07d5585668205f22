package dev.crm.api.common;

import java.util.Objects;
import java.util.function.Function;

/**
 * One field of a partial update: left out (keep what is there), cleared (sent as {@code null}), or set to a
 * value. Update commands carry their optional changes this way, so that no value has to stand for "clear".
 */
public final class Patch<T> {

    private static final Patch<?> ABSENT = new Patch<>(false, null);
    private static final Patch<?> CLEARED = new Patch<>(true, null);

    private final boolean sent;
    private final T value;

    private Patch(boolean sent, T value) {
        this.sent = sent;
        this.value = value;
    }

    @SuppressWarnings("unchecked")
    public static <T> Patch<T> absent() {
        return (Patch<T>) ABSENT;
    }

    @SuppressWarnings("unchecked")
    public static <T> Patch<T> cleared() {
        return (Patch<T>) CLEARED;
    }

    public static <T> Patch<T> of(T value) {
        return new Patch<>(true, Objects.requireNonNull(value, "a cleared field is Patch.cleared()"));
    }

    /** Whether the field was in the request at all. */
    public boolean isSent() {
        return sent;
    }

    public boolean isCleared() {
        return sent && value == null;
    }

    /** The value sent, {@code null} when the field was left out or cleared. */
    public T value() {
        return value;
    }

    /** The field's new value: {@code current} when left out, {@code null} when cleared. */
    public T applyTo(T current) {
        return sent ? value : current;
    }

    public <R> Patch<R> map(Function<? super T, ? extends R> change) {
        return value == null ? absentOrCleared() : of(change.apply(value));
    }

    /** Some fields have an empty value rather than none (no tags is an empty list): clearing sets that. */
    public Patch<T> clearedAs(T empty) {
        return isCleared() ? of(empty) : this;
    }

    @SuppressWarnings("unchecked")
    private <R> Patch<R> absentOrCleared() {
        return (Patch<R>) this;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Patch<?> patch && sent == patch.sent && Objects.equals(value, patch.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sent, value);
    }

    @Override
    public String toString() {
        return !sent ? "Patch.absent" : value == null ? "Patch.cleared" : "Patch.of(" + value + ")";
    }
}
