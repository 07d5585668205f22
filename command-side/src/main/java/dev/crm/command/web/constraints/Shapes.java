package dev.crm.command.web.constraints;

/** The patterns and messages request records share with {@code @Pattern} and {@code @Size}. */
public final class Shapes {

    public static final String AT_MOST = "must be at most {max} characters";
    public static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$";
    public static final String NOT_AN_EMAIL = "must be a valid email address";
    public static final int MAX_EMAIL = 254;
    public static final String PHONE = "^\\+[1-9][0-9]{1,14}$";
    public static final String NOT_A_PHONE = "must be an E.164 phone number such as +15551234567";

    private Shapes() {
    }
}
