package org.stationf.aiprogram.gateway.identity;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.stationf.aiprogram.api.ProblemException;
import org.stationf.aiprogram.api.RowLocks;
import org.stationf.aiprogram.api.Roles;
import org.stationf.aiprogram.api.Sha256;
import org.stationf.aiprogram.gateway.GatewayConfig;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Founders stay logged in beyond an access token's hour: a login gives a refresh token, which buys a new access token
 * and a new refresh token once (rotation). A used refresh token presented again means two parties hold it, so the
 * whole login is revoked and the founder logs in again (RFC 9700 §4.14.2). Only hashes are stored: the token is 256
 * random bits, so a fast hash is enough and lets the token be looked up by it.
 */
@ApplicationScoped
public class RefreshTokens {

    /** What a founder's login or refresh gives: an access token and the refresh token that renews it. */
    public record FounderTokens(TokenIssuer.IssuedToken access, String refreshToken) {
    }

    @Inject
    TokenIssuer issuer;

    @Inject
    GatewayConfig config;

    @Inject
    Revocations revocations;

    @Inject
    Clock clock;

    /** A new login of this account: a new family of refresh tokens. */
    @Transactional
    public FounderTokens logIn(UUID accountId) {
        return tokensFor(accountId, UUID.randomUUID());
    }

    /**
     * Trades a refresh token for new tokens. The refusals are kept, not rolled back: a reused token's family stays
     * revoked.
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public FounderTokens refresh(String token) {
        RefreshToken stored = token == null ? null : lockedForRefresh(Sha256.hex(token));
        Instant now = clock.instant();
        if (stored == null || stored.revokedAt != null || !stored.expiresAt.isAfter(now)) {
            throw invalidGrant("The refresh token is unknown, expired or revoked: log in again");
        }
        if (stored.usedAt != null) {
            revokeFamily(stored.familyId, now);
            throw invalidGrant("The refresh token was already used once, so someone else may hold it: this login is "
                    + "revoked, log in again");
        }
        stored.usedAt = now;
        return tokensFor(stored.accountId, stored.familyId);
    }

    /**
     * Logs out: the refresh token's whole family is revoked, and the access token given with it (may be null) when it
     * can be. An unknown refresh token needs no revoking.
     */
    @Transactional
    public void logOut(String token, VerifiedToken accessToken) {
        RefreshToken stored = RefreshToken.findById(Sha256.hex(token));
        if (stored != null) {
            revokeFamily(stored.familyId, clock.instant());
        }
        if (accessToken != null && accessToken.revocable()) {
            revocations.revokeToken(accessToken.jti(), accessToken.expiresAt());
        }
    }

    /**
     * The refresh token, locked, after its account's row is locked for share: a password change locks the account row
     * for update before it revokes the account's tokens, so a refresh racing it either ends first (and the token it
     * issues is revoked with the others) or starts after (and finds its token revoked), and the two never deadlock.
     */
    private static RefreshToken lockedForRefresh(String tokenHash) {
        RefreshToken stored = RefreshToken.findById(tokenHash);
        if (stored == null) {
            return null;
        }
        ApplicantAccount.findById(stored.accountId, LockModeType.PESSIMISTIC_READ);
        return RowLocks.forUpdate(RefreshToken.getEntityManager(), stored).orElse(null);
    }

    /**
     * Ends every login of the account: all its refresh tokens are refused from now on. The caller holds the account
     * row's lock (see {@link #lockedForRefresh}).
     */
    public void endEveryLogin(UUID accountId) {
        RefreshToken.update("revokedAt = ?1 where accountId = ?2 and revokedAt is null", clock.instant(), accountId);
    }

    /** Expired tokens can no longer be used nor show a reuse, so they are forgotten. */
    @Scheduled(every = "PT1H", delayed = "PT1M", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void forgetExpired() {
        RefreshToken.delete("expiresAt < ?1", clock.instant());
    }

    private FounderTokens tokensFor(UUID accountId, UUID familyId) {
        String token = RandomTokens.withPrefix("rt_");
        RefreshToken refresh = new RefreshToken();
        refresh.tokenHash = Sha256.hex(token);
        refresh.familyId = familyId;
        refresh.accountId = accountId;
        refresh.issuedAt = clock.instant();
        refresh.expiresAt = refresh.issuedAt.plus(config.tokens().refreshLifetime());
        refresh.persist();
        return new FounderTokens(issuer.issue(ApplicantAccounts.subjectOf(accountId), List.of(Roles.APPLICANT), null, null), token);
    }

    private static void revokeFamily(UUID familyId, Instant now) {
        RefreshToken.update("revokedAt = ?1 where familyId = ?2 and revokedAt is null", now, familyId);
    }

    private static ProblemException invalidGrant(String detail) {
        return new ProblemException(400, "invalid-grant", "Invalid grant", detail).with("error", "invalid_grant");
    }
}
