package org.stationf.aiprogram.gateway.identity;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import org.stationf.aiprogram.api.AdvisoryLocks;
import org.stationf.aiprogram.api.NulCharacters;
import org.stationf.aiprogram.api.Page;
import org.stationf.aiprogram.api.ProblemException;
import org.stationf.aiprogram.api.QueryParams;
import org.stationf.aiprogram.api.SecretRotations;
import org.stationf.aiprogram.api.Roles;
import org.stationf.aiprogram.api.Where;
import org.stationf.aiprogram.gateway.GatewayConfig;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** OAuth2 clients: created, listed, rotated and revoked by admins, and rotated by themselves; their secrets stored as bcrypt hashes. */
@ApplicationScoped
public class ClientService {

    private static final Logger LOG = Logger.getLogger(ClientService.class);
    private static final String PARTNER_CODE_PATTERN = "[A-Z][A-Z0-9_]{1,39}";
    private static final List<String> STATUSES = List.of(ApiClient.ACTIVE, ApiClient.REVOKED);
    private static final Set<String> KNOWN_ROLES = Set.of(Roles.ADMIN, Roles.REVIEWER, Roles.PARTNER, Roles.APPLICANT);
    /** A valid hash to compare against when the client is unknown, so both cases take as long. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("not-a-real-secret");

    /** Documents keepPreviousFor wherever a client's secret is rotated: by an admin, or by the client itself. */
    public static final String KEEP_PREVIOUS_FOR_DESCRIPTION = "How long the secret this replaces still gets tokens (ISO-8601, at most P7D); "
            + "left out, it stops at once";

    @Schema(name = "ClientRequest")
    public record ClientRequest(
            @Schema(example = "Scaleway provisioning system") @NotBlank @Size(max = 200) String name,
            @Schema(example = "[\"partner\"]") @NotEmpty @Size(max = 4) List<@NotBlank String> roles,
            @Schema(example = "SCALEWAY", description = "Required with the partner role")
            @Pattern(regexp = PARTNER_CODE_PATTERN, message = "must be a partner code such as SCALEWAY") String partner,
            @Schema(example = "scaleway-provisioning", description = "The tokens' subject (e.g. a reviewer's account id, as given to "
                    + "POST /api/reviewers); the client id if omitted")
            @Size(max = 200) String subject) {
    }

    @Schema(name = "Client")
    public record ClientView(@Schema(example = "cl-06fcf953-5eff") String clientId, @Schema(example = "Scaleway provisioning system") String name,
                             @Schema(example = "[\"partner\"]") List<String> roles, @Schema(nullable = true, example = "SCALEWAY") String partner,
                             @Schema(nullable = true, example = "scaleway-provisioning") String subject, @Schema(enumeration = {ApiClient.ACTIVE, ApiClient.REVOKED}) String status,
                             Instant createdAt, @Schema(nullable = true) Instant rotatedAt,
                             @Schema(nullable = true) Instant revokedAt,
                             @Schema(nullable = true, example = "cs_6nMDddrVOjpIic8TE0ciWB_e7bBSQi0KWgLJIUePP38", description = "Only when created or rotated: keep it, it is not shown again") String clientSecret,
                             @Schema(nullable = true, description = "Until when the secret the last rotation replaced still gets tokens "
                                     + "(keepPreviousFor); absent when it stopped at once") Instant previousSecretValidUntil) {
        static ClientView of(ApiClient client, String secret) {
            return new ClientView(client.clientId, client.name, client.roles, client.partner, client.subject, client.status,
                    client.createdAt, client.rotatedAt, client.revokedAt, secret, client.previousSecretUntil);
        }
    }

    @Inject
    GatewayConfig config;

    @Inject
    Clock clock;

    @Inject
    Revocations revocations;

    void bootstrapAdmin(@Observes StartupEvent startup) {
        QuarkusTransaction.requiringNew().run(() -> {
            // Two gateway instances starting together on an empty database would otherwise both insert the admin,
            // and the one losing the primary-key race would fail to start.
            AdvisoryLocks.holdUntilTransactionEnds(ApiClient.getEntityManager(), "gateway-bootstrap-admin");
            String clientId = config.bootstrapAdmin().clientId();
            if (ApiClient.findById(clientId) != null) {
                return;
            }
            Optional<String> configured = config.bootstrapAdmin().clientSecret().filter(secret -> !secret.isBlank());
            String secret = configured.orElseGet(ClientService::newSecret);
            create(clientId, "Bootstrap admin", List.of(Roles.ADMIN), null, clientId, secret);
            if (configured.isEmpty()) {
                LOG.warnf("Bootstrap admin client created. client_id=%s client_secret=%s (shown once; set BOOTSTRAP_ADMIN_SECRET to choose it)",
                        clientId, secret);
            } else {
                LOG.infof("Bootstrap admin client %s created with the configured secret", clientId);
            }
        });
    }

    @Transactional
    public ClientView create(ClientRequest request) {
        for (int i = 0; i < request.roles().size(); i++) {
            if (!KNOWN_ROLES.contains(request.roles().get(i))) {
                throw ProblemException.invalid("roles[" + i + "]", "must be one of " + KNOWN_ROLES);
            }
        }
        if (request.roles().contains(Roles.PARTNER) && request.partner() == null) {
            throw ProblemException.invalid("partner", "is required for a partner client");
        }
        String clientId = "cl-" + UUID.randomUUID().toString().substring(0, 13);
        String secret = newSecret();
        ApiClient client = create(clientId, request.name().trim(), List.copyOf(request.roles()), request.partner(),
                request.subject() == null || request.subject().isBlank() ? clientId : request.subject().trim(), secret);
        return ClientView.of(client, secret);
    }

    private ApiClient create(String clientId, String name, List<String> roles, String partner, String subject, String secret) {
        ApiClient client = new ApiClient();
        client.clientId = clientId;
        client.name = name;
        client.roles = roles;
        client.partner = partner;
        client.subject = subject;
        client.secretHash = BcryptUtil.bcryptHash(secret);
        client.status = ApiClient.ACTIVE;
        client.createdAt = clock.instant();
        client.persist();
        return client;
    }

    /** Oldest first, a page at a time, narrowed to a partner's clients and to active or revoked ones when asked. */
    public Page<ClientView> list(String partner, String status, int page, int size) {
        Where where = new Where()
                .and("partner = :partner", "partner", partnerCode(partner))
                .and("status = :status", "status", QueryParams.oneOf("status", status, STATUSES));
        PanacheQuery<ApiClient> clients = ApiClient.find(where.clause(), Sort.by("createdAt").and("clientId"), where.parameters());
        return new Page<>(clients.page(page, size).<ApiClient>list().stream().map(c -> ClientView.of(c, null)).toList(),
                clients.count(), page, size);
    }

    /** A partner filter, in any case: the gateway knows no list of partners, so any code of the right shape. */
    private static String partnerCode(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String code = value.trim().toUpperCase(Locale.ROOT);
        if (!code.matches(PARTNER_CODE_PATTERN)) {
            throw ProblemException.invalid("partner", "must be a partner code such as SCALEWAY");
        }
        return code;
    }

    public ClientView get(String clientId) {
        return ClientView.of(require(clientId), null);
    }

    /**
     * Gives the client a new secret. {@code keepPreviousFor} (an ISO-8601 duration, at most a week) keeps the one it
     * replaces getting tokens that long too, for a planned rotation; none stops it at once, for a leak.
     */
    @Transactional
    public ClientView rotate(String clientId, String keepPreviousFor) {
        Instant now = clock.instant();
        Instant previousUntil = SecretRotations.previousUntil(keepPreviousFor, now);
        ApiClient client = require(clientId);
        if (ApiClient.REVOKED.equals(client.status)) {
            throw ProblemException.conflict("client-revoked", "Client revoked", "A revoked client cannot get a new secret");
        }
        String secret = newSecret();
        client.rotatedAt = now;
        client.previousSecretHash = previousUntil == null ? null : client.secretHash;
        client.previousSecretUntil = previousUntil;
        client.secretHash = BcryptUtil.bcryptHash(secret);
        return ClientView.of(client, secret);
    }

    /** Revokes the client: no new tokens, and the tokens it holds are refused from now on. */
    @Transactional
    public ClientView revoke(String clientId) {
        ApiClient client = require(clientId);
        client.status = ApiClient.REVOKED;
        client.revokedAt = clock.instant();
        revocations.clientRevokedNow(clientId);
        return ClientView.of(client, null);
    }

    /**
     * The active client with this id and secret (or the secret its last rotation kept, until then), or empty
     * (unknown, wrong secret and revoked look alike).
     */
    @Transactional
    public Optional<ApiClient> authenticate(String clientId, String secret) {
        ApiClient client = find(clientId);
        String given = secret == null ? "" : secret;
        boolean matches = BcryptUtil.matches(given, client == null ? DUMMY_HASH : client.secretHash)
                || client != null && SecretRotations.stillKept(client.previousSecretHash, client.previousSecretUntil, clock.instant())
                && BcryptUtil.matches(given, client.previousSecretHash);
        if (client == null || !matches || !ApiClient.ACTIVE.equals(client.status)) {
            return Optional.empty();
        }
        return Optional.of(client);
    }

    /** No client id holds a NUL character (PostgreSQL cannot store one), so one that does names no client. */
    private static ApiClient find(String clientId) {
        return clientId == null || NulCharacters.in(clientId) ? null : ApiClient.findById(clientId);
    }

    private ApiClient require(String clientId) {
        ApiClient client = find(clientId);
        if (client == null) {
            throw ProblemException.notFound("Client", clientId);
        }
        return client;
    }

    static String newSecret() {
        return RandomTokens.withPrefix("cs_");
    }
}
