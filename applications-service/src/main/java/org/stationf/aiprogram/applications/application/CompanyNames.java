package org.stationf.aiprogram.applications.application;

import java.net.URI;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** How two spellings of one company are recognised as the same. */
public final class CompanyNames {

    private static final Set<String> LEGAL_FORMS = Set.of("sas", "sasu", "sa", "sarl", "eurl", "sci", "scop", "ltd", "limited",
            "inc", "incorporated", "llc", "llp", "gmbh", "ug", "ag", "bv", "nv", "ab", "oy", "as", "srl", "spa", "sl", "plc",
            "co", "corp", "corporation", "company");

    private CompanyNames() {
    }

    /** "Mistral  Garden, S.A.S." and "mistral garden" both give "mistral garden". */
    public static String normalize(String name) {
        if (name == null) {
            return null;
        }
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String words = ascii.toLowerCase(Locale.ROOT).replace("&", " and ")
                .replaceAll("(?<=\\b\\p{L})\\.(?=\\p{L}\\b)", "")   // S.A.S -> SAS
                .replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        String kept = Arrays.stream(words.split(" ")).filter(word -> !word.isEmpty() && !LEGAL_FORMS.contains(word))
                .collect(Collectors.joining(" "));
        return kept.isEmpty() ? words : kept;
    }

    /** "FR 912 345 678" and "fr912345678" give "FR912345678". */
    public static String registrationKey(String registrationNumber) {
        if (registrationNumber == null || registrationNumber.isBlank()) {
            return null;
        }
        String key = registrationNumber.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        return key.isEmpty() ? null : key;
    }

    /** The lower-case domain of an email address or a URL, or null. */
    public static String domainOf(String emailOrUrl) {
        if (emailOrUrl == null || emailOrUrl.isBlank()) {
            return null;
        }
        int at = emailOrUrl.lastIndexOf('@');
        if (at >= 0) {
            return emailOrUrl.substring(at + 1).trim().toLowerCase(Locale.ROOT);
        }
        try {
            String host = URI.create(emailOrUrl.trim()).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether the domain is the given one or below it (eu.mistral.ai is within mistral.ai). */
    public static boolean within(String domain, String parent) {
        return domain != null && parent != null && (domain.equals(parent) || domain.endsWith("." + parent));
    }
}
