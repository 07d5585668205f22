package dev.crm.api.task;

/** A task is open until it is done. */
public enum TaskStatus {
    OPEN("open"),
    DONE("done");

    private final String value;

    TaskStatus(String value) {
        this.value = value;
    }

    @Override
    public String toString() {
        return value;
    }
}
