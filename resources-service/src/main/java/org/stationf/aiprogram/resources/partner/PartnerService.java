package org.stationf.aiprogram.resources.partner;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.stationf.aiprogram.api.AdvisoryLocks;
import org.stationf.aiprogram.api.Caller;
import org.stationf.aiprogram.api.ProblemException;
import org.stationf.aiprogram.api.SecretRotations;
import org.stationf.aiprogram.resources.events.MentoringEvents;
import org.stationf.aiprogram.resources.webhook.WebhookDeliveryView;
import org.stationf.aiprogram.resources.webhook.Webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

@ApplicationScoped
public class PartnerService {

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    SigningSecrets signingSecrets;

    @Inject
    MentoringEvents mentoringEvents;

    @Inject
    Webhooks webhooks;

    /** Admins see every partner; a partner sees itself. */
    public List<PartnerView> list() {
        if (caller.isAdmin()) {
            return Partner.<Partner>findAll(Sort.by("code")).stream().map(PartnerView::of).toList();
        }
        Partner own = Partner.findById(caller.requirePartner());
        return own == null ? List.of() : List.of(PartnerView.of(own));
    }

    public PartnerView get(String code) {
        return PartnerView.of(visible(code));
    }

    public Partner visible(String code) {
        Partner partner = Partner.findById(code);
        if (partner == null || !caller.actsFor(code)) {
            throw ProblemException.notFound("Partner", code);
        }
        return partner;
    }

    public Partner require(String code) {
        Partner partner = Partner.findById(code);
        if (partner == null) {
            throw ProblemException.notFound("Partner", code);
        }
        return partner;
    }

    @Transactional
    public PartnerView create(NewPartner request) {
        if (request.code() == null) {
            throw ProblemException.invalid("code", "is required");
        }
        // Two creations of one code at once: the second waits, then is told the partner exists.
        AdvisoryLocks.holdUntilTransactionEnds(Partner.getEntityManager(), "partner-code:" + request.code());
        if (Partner.findById(request.code()) != null) {
            throw ProblemException.conflict("partner-exists", "Partner already exists", "A partner with code " + request.code() + " already exists")
                    .with("code", request.code());
        }
        Partner partner = new Partner();
        partner.code = request.code();
        partner.createdAt = clock.instant();
        String secret = signingSecrets.issue(partner);
        apply(partner, request);
        partner.persist();
        return PartnerView.withSecret(partner, secret);
    }

    /** Renamed, the partner's booked mentoring sessions are announced again, so members' calendars show the new name. */
    @Transactional
    public PartnerView update(String code, NewPartner request) {
        Partner partner = locked(require(code));
        String formerName = partner.name;
        apply(partner, request);
        partner.persistAndFlush();
        if (!partner.name.equals(formerName)) {
            mentoringEvents.partnerRenamed(partner);
        }
        return PartnerView.of(partner);
    }

    /**
     * Gives the partner a new signing secret. {@code keepPreviousFor} (an ISO-8601 duration, at most a week) keeps the
     * one it replaces signing webhooks that long too, for a planned rotation; none stops it at once, for a leak.
     */
    @Transactional
    public PartnerView rotateSecret(String code, String keepPreviousFor) {
        Instant previousUntil = SecretRotations.previousUntil(keepPreviousFor, clock.instant());
        Partner partner = locked(visible(code));
        String secret = signingSecrets.rotate(partner, previousUntil);
        partner.persistAndFlush();
        return PartnerView.withSecret(partner, secret);
    }

    /** A test event for the partner's webhook, sent like any other; a partner tests its own. */
    public WebhookDeliveryView testWebhook(String code) {
        return webhooks.sendTest(visible(code));
    }

    /**
     * Points the partner's webhooks at {@code url}. A partner may only name a public https address; an admin any URL,
     * which is then trusted as it is.
     */
    @Transactional
    public PartnerView setWebhookUrl(String code, String url) {
        Partner partner = locked(visible(code));
        boolean byPartner = !caller.isAdmin();
        if (byPartner) {
            PartnerWebhookUrls.refusal(url).ifPresent(reason -> {
                throw ProblemException.invalid("url", reason);
            });
        }
        partner.webhookUrl = url;
        partner.webhookUrlSetByPartner = byPartner;
        partner.persistAndFlush();
        return PartnerView.of(partner);
    }

    private static void apply(Partner partner, NewPartner request) {
        partner.name = request.name().trim();
        partner.contacts = request.contacts() == null ? List.of() : List.copyOf(request.contacts());
        // An admin re-sending the URL a partner set, with other edits, does not make it trusted.
        if (!Objects.equals(partner.webhookUrl, request.webhookUrl())) {
            partner.webhookUrl = request.webhookUrl();
            partner.webhookUrlSetByPartner = false;
        }
    }

    /**
     * The partner, its row locked until the transaction ends: edits without a version (an admin's, a partner system's
     * retried PUT) apply one after the other instead of the second failing on the version the first changed.
     */
    private static Partner locked(Partner partner) {
        Partner.getEntityManager().refresh(partner, LockModeType.PESSIMISTIC_WRITE);
        return partner;
    }
}
