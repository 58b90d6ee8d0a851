package hk.seamless.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two settings that turn on the IVRS webhook's signature check, and the starts they refuse. */
class IvrsSigningConfigTest {

    private static final String SECRET = "9f86d081884c7d659a2feaa0c55ad015";

    @TempDir
    Path dir;

    private static EngineConfig load(Map<String, String> env) {
        return new ConfigLoader(env).load(null);
    }

    @Test
    void offByDefault() {
        EngineConfig config = load(Map.of());
        assertNull(config.ivrs().signingSecret());
        assertNull(config.ivrs().publicUrl());
        assertNull(EngineConfig.defaults().ivrs().signingSecret());
    }

    @Test
    void readFromTheEnvironmentOverTheFile() throws Exception {
        Path file = dir.resolve("seamless.json");
        Files.writeString(
                file, "{\"ivrsSigningSecret\": \"" + SECRET + "\", \"ivrsPublicUrl\": \"https://file.example.hk/\"}");
        EngineConfig fromFile = new ConfigLoader(Map.of()).load(file);
        assertEquals(SECRET, fromFile.ivrs().signingSecret());
        assertEquals("https://file.example.hk", fromFile.ivrs().publicUrl());

        EngineConfig fromEnv = new ConfigLoader(
                        Map.of("SEAMLESS_IVRS_PUBLIC_URL", "https://ivrs.example.hk:8443/seamless/"))
                .load(file);
        assertEquals(SECRET, fromEnv.ivrs().signingSecret());
        assertEquals("https://ivrs.example.hk:8443/seamless", fromEnv.ivrs().publicUrl());
    }

    @Test
    void aSecretWithoutAPublicUrlStopsTheStartNamingBothAndNotShowingTheSecret() throws Exception {
        ConfigException e =
                assertThrows(ConfigException.class, () -> load(Map.of("SEAMLESS_IVRS_SIGNING_SECRET", SECRET)));
        for (String name : new String[] {
            "ivrsSigningSecret", "SEAMLESS_IVRS_SIGNING_SECRET", "ivrsPublicUrl", "SEAMLESS_IVRS_PUBLIC_URL"
        }) {
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());

        Path file = dir.resolve("secret-only.json");
        Files.writeString(file, "{\"ivrsSigningSecret\": \"" + SECRET + "\"}");
        assertThrows(ConfigException.class, () -> new ConfigLoader(Map.of()).load(file));
        assertThrows(ConfigException.class, () -> EngineConfig.defaults().withIvrsSigning(SECRET, null));
        // A public URL alone is allowed (signatures are then not checked, and the start says so).
        assertEquals(
                "https://ivrs.example.hk",
                load(Map.of("SEAMLESS_IVRS_PUBLIC_URL", "https://ivrs.example.hk"))
                        .ivrs()
                        .publicUrl());
    }

    @Test
    void aShortSecretIsRefusedWithoutBeingShown() {
        String shortSecret = "tooshort42";
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> load(Map.of(
                        "SEAMLESS_IVRS_SIGNING_SECRET",
                        shortSecret,
                        "SEAMLESS_IVRS_PUBLIC_URL",
                        "https://ivrs.example.hk")));
        assertTrue(e.getMessage().contains("SEAMLESS_IVRS_SIGNING_SECRET"), e.getMessage());
        assertFalse(e.getMessage().contains(shortSecret), e.getMessage());
    }

    @Test
    void thePublicUrlIsAnAbsoluteHttpBaseUrl() {
        assertEquals("https://ivrs.example.hk", IvrsWebhook.publicUrl("https://ivrs.example.hk"));
        assertEquals("https://ivrs.example.hk", IvrsWebhook.publicUrl("https://ivrs.example.hk/"));
        assertEquals("http://10.0.0.5:8080", IvrsWebhook.publicUrl("http://10.0.0.5:8080/"));
        assertEquals("https://gw.example.hk/seamless", IvrsWebhook.publicUrl("https://gw.example.hk/seamless/"));
        for (String bad : new String[] {
            "ivrs.example.hk",
            "/ivrs",
            "ftp://ivrs.example.hk",
            "https://",
            "https:///x",
            "https://ivrs.example.hk/?a=1",
            "https://ivrs.example.hk/#top",
            "https://user:pw@ivrs.example.hk",
            "https://ivrs.example.hk/ivrs/v1/calls",
            "https://ivrs example.hk"
        }) {
            ConfigException e =
                    assertThrows(ConfigException.class, () -> load(Map.of("SEAMLESS_IVRS_PUBLIC_URL", bad)), bad);
            assertTrue(e.getMessage().startsWith("SEAMLESS_IVRS_PUBLIC_URL has an invalid value"), e.getMessage());
        }
    }

    @Test
    void theSecretsAreNotInTheConfigurationsText() {
        String adminToken = "admin-token-0123456789abcdef";
        EngineConfig config =
                EngineConfig.defaults().withAdminToken(adminToken).withIvrsSigning(SECRET, "https://ivrs.example.hk");
        String text = config.toString();
        assertFalse(text.contains(SECRET), text);
        assertFalse(text.contains(adminToken), text);
        assertTrue(text.contains("publicUrl=https://ivrs.example.hk"), text);
        assertTrue(text.contains("signingSecret=(set)"), text);
        assertTrue(text.contains("httpPort=8080"), text);
        assertEquals(SECRET, config.ivrs().signingSecret());
    }
}
