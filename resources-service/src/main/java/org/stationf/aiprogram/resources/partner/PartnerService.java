package org.stationf.aiprogram.resources.partner;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.stationf.aiprogram.api.Caller;
import org.stationf.aiprogram.api.ProblemException;

import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class PartnerService {

    @Inject
    Caller caller;

    /** Admins see every partner; a partner sees itself. */
    public List<PartnerView> list() {
        if (caller.isAdmin()) {
            return Partner.<Partner>findAll(Sort.by("code")).stream().map(PartnerView::of).toList();
        }
        Partner own = Partner.findById(caller.requirePartner());
        return own == null ? List.of() : List.of(PartnerView.of(own));
    }

    public PartnerView get(String code) {
        Partner partner = Partner.findById(code);
        if (partner == null || !(caller.isAdmin() || caller.partner().filter(code::equals).isPresent())) {
            throw ProblemException.notFound("Partner", code);
        }
        return PartnerView.of(partner);
    }

    @Transactional
    public PartnerView create(NewPartner request) {
        if (Partner.findById(request.code()) != null) {
            throw ProblemException.conflict("partner-exists", "Partner already exists", "A partner with code " + request.code() + " already exists")
                    .with("code", request.code());
        }
        Partner partner = new Partner();
        partner.code = request.code();
        partner.name = request.name().trim();
        partner.createdAt = Instant.now();
        partner.persist();
        return PartnerView.of(partner);
    }
}
