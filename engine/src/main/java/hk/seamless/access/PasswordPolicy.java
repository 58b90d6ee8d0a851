package hk.seamless.access;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.passay.DictionaryRule;
import org.passay.PasswordData;
import org.passay.RuleResult;
import org.passay.dictionary.ArrayWordList;
import org.passay.dictionary.WordListDictionary;

/**
 * What a portal password must be: {@link PasswordHasher#MIN_LENGTH} to {@link PasswordHasher#MAX_LENGTH}
 * characters, and not one of the passwords everybody tries first. The list of common ones
 * (resources/passwords, with its source) is checked with Passay's dictionary rule, ignoring case:
 * "Password1234" is as guessable as "password1234".
 */
public final class PasswordPolicy {

    private static final String LIST = "/passwords/common-passwords.txt";
    private static final DictionaryRule COMMON = new DictionaryRule(new WordListDictionary(load()));

    private PasswordPolicy() {}

    /** Why the password will not do, in words for the field's error; empty when it will. */
    public static Optional<String> problem(String password) {
        if (password.length() < PasswordHasher.MIN_LENGTH || password.length() > PasswordHasher.MAX_LENGTH) {
            return Optional.of(
                    "must be " + PasswordHasher.MIN_LENGTH + " to " + PasswordHasher.MAX_LENGTH + " characters");
        }
        if (isCommon(password)) {
            return Optional.of("is one of the most common passwords, which are tried first: choose another");
        }
        return Optional.empty();
    }

    public static boolean isCommon(String password) {
        RuleResult result = COMMON.validate(new PasswordData(password.toLowerCase(Locale.ROOT)));
        return !result.isValid();
    }

    private static ArrayWordList load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException(LIST + " is missing from the engine jar");
            }
            List<String> words = new ArrayList<>(32_768);
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isEmpty()) {
                        words.add(line);
                    }
                }
            }
            String[] sorted = words.toArray(String[]::new);
            Arrays.sort(sorted);
            // Case-sensitive search over lower-cased words: the password is lower-cased before the look-up.
            return new ArrayWordList(sorted, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LIST, e);
        }
    }
}
