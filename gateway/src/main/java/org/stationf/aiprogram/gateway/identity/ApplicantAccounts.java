package org.stationf.aiprogram.gateway.identity;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.stationf.aiprogram.api.AdvisoryLocks;
import org.stationf.aiprogram.api.Problem;
import org.stationf.aiprogram.api.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Founders' accounts for the frontend: sign up and log in with an email and a password (bcrypt), get applicant tokens. */
@ApplicationScoped
public class ApplicantAccounts {

    private static final String SUBJECT_PREFIX = "applicant-";
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("not-a-real-password");
    /** Bcrypt reads this many bytes of a password and no more (see MaxUtf8Bytes). */
    private static final int BCRYPT_MAX_BYTES = 72;
    private static final String BCRYPT_LIMIT = "at most " + BCRYPT_MAX_BYTES + " bytes in UTF-8 (an accented letter takes 2)";
    private static final String BCRYPT_LENGTH = "10 to " + BCRYPT_MAX_BYTES + " characters, " + BCRYPT_LIMIT;
    private static final String BCRYPT_BYTES = "must be " + BCRYPT_LIMIT + ": bcrypt would ignore the rest";

    @Schema(name = "SignUp")
    public record SignUp(@Schema(example = "camille@mistral-garden.example") @NotBlank @Email @Size(max = 254) String email,
                         @Schema(example = "correct horse battery staple", description = BCRYPT_LENGTH, maxLength = BCRYPT_MAX_BYTES)
                         @NotBlank @Size(min = 10, message = "must be at least 10 characters")
                         @MaxUtf8Bytes(value = BCRYPT_MAX_BYTES, message = BCRYPT_BYTES) String password,
                         @Schema(example = "Camille Durand") @NotBlank @Size(max = 200) String name) {
    }

    @Schema(name = "Login")
    public record Login(@Schema(example = "founder@agrillama.example") @NotBlank @Size(max = 254) String email,
                        @Schema(example = "correct horse battery staple") @NotBlank @Size(max = 200) String password) {
    }

    @Schema(name = "PasswordChange")
    public record PasswordChange(@Schema(example = "correct horse battery staple") @NotBlank @Size(max = 200) String currentPassword,
                                 @Schema(example = "a new and longer passphrase", description = BCRYPT_LENGTH, maxLength = BCRYPT_MAX_BYTES)
                                 @NotBlank @Size(min = 10, message = "must be at least 10 characters")
                                 @MaxUtf8Bytes(value = BCRYPT_MAX_BYTES, message = BCRYPT_BYTES) String newPassword) {
    }

    @Schema(name = "FounderAccount", description = "A founder's account, as the frontend shows who is logged in")
    public record AccountView(@Schema(example = "3f6c2b1e-8d4a-4f0e-9c7b-5a2d1e0f9b83", description = "The account's id; the founder's tokens have the subject applicant-<id>") UUID id,
                              @Schema(example = "camille@mistral-garden.example") String email,
                              @Schema(example = "Camille Durand") String name,
                              Instant createdAt) {
    }

    /** The problem of a wrong current password, which {@link AddressLimits} counts as a wrong credential. */
    static final String WRONG_PASSWORD = "wrong-password";

    @Inject
    RefreshTokens tokens;

    @Inject
    Clock clock;

    @Transactional
    public RefreshTokens.FounderTokens signUp(SignUp request) {
        String email = request.email().trim().toLowerCase(Locale.ROOT);
        // A sign-up sent twice at once (a double click): the second waits, then is told to log in.
        AdvisoryLocks.holdUntilTransactionEnds(ApplicantAccount.getEntityManager(), "founder-email:" + email);
        if (ApplicantAccount.count("lower(email)", email) > 0) {
            throw ProblemException.conflict("account-exists", "Account exists", "An account with this email already exists; log in instead");
        }
        ApplicantAccount account = new ApplicantAccount();
        account.id = UUID.randomUUID();
        account.email = email;
        account.name = request.name().trim();
        account.passwordHash = BcryptUtil.bcryptHash(request.password());
        account.createdAt = clock.instant();
        account.persist();
        return tokens.logIn(account.id);
    }

    public RefreshTokens.FounderTokens login(Login request) {
        ApplicantAccount account = ApplicantAccount.find("lower(email)", request.email().trim().toLowerCase(Locale.ROOT)).firstResult();
        boolean matches = BcryptUtil.matches(request.password(), account == null ? DUMMY_HASH : account.passwordHash);
        if (account == null || !matches) {
            throw new ProblemException(401, "invalid-credentials", "Invalid credentials", "The email or the password is wrong");
        }
        return tokens.logIn(account.id);
    }

    /** The account of the founder the token names. */
    public AccountView account(String subject) {
        ApplicantAccount account = accountOf(subject, LockModeType.NONE);
        return new AccountView(account.id, account.email, account.name, account.createdAt);
    }

    /**
     * A founder who knows its password sets a new one, and every login of the account ends (its refresh tokens are
     * refused from now on, so a device someone else holds is logged out within the access token's lifetime); the caller
     * gets a new login at once, so its own session goes on.
     */
    @Transactional
    public RefreshTokens.FounderTokens changePassword(String subject, PasswordChange request) {
        ApplicantAccount account = accountOf(subject, LockModeType.PESSIMISTIC_WRITE);
        if (!BcryptUtil.matches(request.currentPassword(), account.passwordHash)) {
            throw new ProblemException(400, WRONG_PASSWORD, "Wrong password", "The current password is wrong; nothing was changed",
                    List.of(new Problem.FieldError("currentPassword", "is not this account's password")));
        }
        account.passwordHash = BcryptUtil.bcryptHash(request.newPassword());
        tokens.endEveryLogin(account.id);
        return tokens.logIn(account.id);
    }

    private static ApplicantAccount accountOf(String subject, LockModeType lock) {
        UUID accountId = accountIdOf(subject);
        ApplicantAccount account = accountId == null ? null : ApplicantAccount.findById(accountId, lock);
        if (account == null) {
            throw ProblemException.notFound("Founder account of the token's subject", subject);
        }
        return account;
    }

    /** The subject of a founder's tokens, which the services know the applicant by. */
    static String subjectOf(UUID accountId) {
        return SUBJECT_PREFIX + accountId;
    }

    /** The account a founder's token names, or null for any other subject (an external provider's applicant, say). */
    static UUID accountIdOf(String subject) {
        if (subject == null || !subject.startsWith(SUBJECT_PREFIX)) {
            return null;
        }
        try {
            return UUID.fromString(subject.substring(SUBJECT_PREFIX.length()));
        } catch (IllegalArgumentException notAnAccount) {
            return null;
        }
    }
}
