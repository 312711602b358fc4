package org.stationf.aiprogram.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/** Who is calling: the verified token's subject, roles and partner, for per-object authorization. */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity identity;

    /** The token's subject: an applicant account, a reviewer, a partner client or an admin. */
    public String id() {
        String subject = token.getSubject();
        return subject != null ? subject : identity.getPrincipal().getName();
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    public boolean isAdmin() {
        return is(Roles.ADMIN);
    }

    /** The partner a partner token acts for, upper case (META, HUGGING_FACE, SCALEWAY, ...). */
    public Optional<String> partner() {
        if (!is(Roles.PARTNER)) {
            return Optional.empty();
        }
        Object claim = token.getClaim(Roles.PARTNER_CLAIM);
        return claim == null ? Optional.empty() : Optional.of(claim.toString().replace("\"", "").toUpperCase());
    }

    /** An admin, or a token of this very partner: who may see and change what belongs to the partner. */
    public boolean actsFor(String partner) {
        return isAdmin() || partner().filter(partner::equals).isPresent();
    }

    /** The partner of a partner token; refuses a partner token that names none. */
    public String requirePartner() {
        return partner().orElseThrow(() -> ProblemException.forbidden("This operation needs a partner token naming its partner"));
    }

    /** Who acted, for histories and ledgers: the subject plus the role it acted in. */
    public String actor() {
        String role = isAdmin() ? Roles.ADMIN : is(Roles.PARTNER) ? Roles.PARTNER : is(Roles.REVIEWER) ? Roles.REVIEWER : Roles.APPLICANT;
        return role + ":" + id();
    }
}
