package org.supporthub.activation.domain.model;

import org.supporthub.core.domain.model.bot.BotState;
import org.supporthub.core.domain.model.portal.Portal;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The reads behind the managers' list of portals: portals filtered by what their latest activation
 * found, and the latest reports of many portals at once. Lives here, not with the portal, because the
 * filter looks at activation reports.
 */
public interface PortalStatusRepository {

    /**
     * @param search       lower-case words matched in name, address or id; null for all
     * @param state        null for all
     * @param failingCheck null for all; else only portals whose latest activation failed this area
     */
    List<Portal> page(String search, BotState state, CheckArea failingCheck, int offset, int limit);

    long count(String search, BotState state, CheckArea failingCheck);

    /** The latest report of each of these portals that has one, with its checks, in one query. */
    Map<String, ActivationReport> latestOf(Collection<String> portalIds);
}
