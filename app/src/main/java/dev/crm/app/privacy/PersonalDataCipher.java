package dev.crm.app.privacy;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * AES-256-GCM for one personal field: {@code enc:v1:} + Base64 of a random 96-bit nonce, the ciphertext and
 * the 128-bit tag. The field's name is authenticated with it, so a value cannot be moved to another field.
 */
final class PersonalDataCipher {

    static final String PREFIX = "enc:v1:";

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Looking a cipher up costs more than using it: one per thread, initialised for each value. */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private PersonalDataCipher() {
    }

    static byte[] newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            return generator.generateKey().getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isCiphertext(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    static String encrypt(byte[] key, String field, String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, field, nonce);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt " + field, e);
        }
    }

    static String decrypt(byte[] key, String field, String ciphertext) {
        byte[] in = Base64.getDecoder().decode(ciphertext.substring(PREFIX.length()));
        byte[] nonce = new byte[NONCE_BYTES];
        System.arraycopy(in, 0, nonce, 0, NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, field, nonce);
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // Never the key or the value in a message: only which field could not be read.
            throw new IllegalStateException("cannot decrypt " + field);
        }
    }

    private static Cipher cipher(int mode, byte[] key, String field, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = CIPHERS.get();
        SecretKey secret = new SecretKeySpec(key, "AES");
        cipher.init(mode, secret, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
