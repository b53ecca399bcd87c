package org.supporthub.routing.domain.model.channel;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.supporthub.routing.domain.model.RoutingMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An open channel: the vendor's support queue that serves portals of one language and edition, with how
 * it routes, whom (its operators, in order), how much, and when (working hours in a time zone).
 *
 * <p>It is stored as the manager entered it; {@link OpenChannelRules} says whether it can serve, because
 * a channel can become unusable after it was saved (an operator's account removed, say).
 */
@Entity
@Table(name = "open_channel")
public class OpenChannel {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "language", nullable = false, length = 5)
    private String language;

    @Column(name = "edition", nullable = false, length = 20)
    private String edition;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Enumerated(EnumType.STRING)
    @Column(name = "routing_mode", length = 20)
    private RoutingMode routingMode;

    @Column(name = "queue_time_seconds", nullable = false)
    private int queueTimeSeconds;

    @Column(name = "capacity", nullable = false)
    private int capacity;

    @Column(name = "count_only_answered", nullable = false)
    private boolean countOnlyAnswered;

    @Column(name = "time_zone", nullable = false, length = 60)
    private String timeZone;

    /** Working days, e.g. {@code MON,TUE,WED,THU,FRI}. */
    @Column(name = "working_days", nullable = false, length = 40)
    private String workingDays;

    @Column(name = "working_from", nullable = false, length = 5)
    private String workingFrom;

    @Column(name = "working_to", nullable = false, length = 5)
    private String workingTo;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "open_channel_operator", joinColumns = @JoinColumn(name = "channel_id"))
    @OrderColumn(name = "position")
    @Column(name = "username", length = 100)
    private List<String> operators = new ArrayList<>();

    @Column(name = "welcome_message", length = SessionSettings.MAX_MESSAGE)
    private String welcomeMessage;

    @Column(name = "out_of_hours_message", length = SessionSettings.MAX_MESSAGE)
    private String outOfHoursMessage;

    /** Dates without working hours, {@code yyyy-MM-dd}, comma separated. */
    @Column(name = "days_off", length = 4000)
    private String daysOff;

    @Column(name = "auto_close_minutes", nullable = false)
    private int autoCloseMinutes;

    @Column(name = "vote_on_close", nullable = false)
    private boolean voteOnClose;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "open_channel_canned", joinColumns = @JoinColumn(name = "channel_id"))
    @OrderColumn(name = "position")
    private List<CannedResponse> cannedResponses = new ArrayList<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected OpenChannel() {
        // for JPA
    }

    public OpenChannel(String id, OpenChannelSettings settings) {
        this.id = Objects.requireNonNull(id);
        update(settings);
    }

    /** Replaces every setting at once, as a manager's edit does. */
    /** Empties the ordered lists (operators, canned responses); {@link #update} fills them again. */
    public void clearLists() {
        operators.clear();
        cannedResponses.clear();
    }

    public void update(OpenChannelSettings s) {
        this.name = s.name();
        this.language = s.language();
        this.edition = s.edition();
        this.enabled = s.enabled();
        this.routingMode = s.routingMode();
        this.queueTimeSeconds = s.queueTimeSeconds();
        this.capacity = s.capacity();
        this.countOnlyAnswered = s.countOnlyAnswered();
        this.timeZone = s.timeZone();
        this.workingDays = s.workingDays();
        this.workingFrom = s.workingFrom();
        this.workingTo = s.workingTo();
        // The same list, changed in place: the persistence provider tracks its ordered rows by it.
        this.operators.clear();
        this.operators.addAll(s.operators());
        SessionSettings session = s.session();
        this.welcomeMessage = session.welcomeMessage();
        this.outOfHoursMessage = session.outOfHoursMessage();
        this.daysOff = session.daysOff().isEmpty() ? null : String.join(",", session.daysOff());
        this.autoCloseMinutes = session.autoCloseMinutes();
        this.voteOnClose = session.voteOnClose();
        this.cannedResponses.clear();
        this.cannedResponses.addAll(session.cannedResponses());
    }

    public String id() {
        return id;
    }

    public OpenChannelSettings settings() {
        return new OpenChannelSettings(name, language, edition, enabled, routingMode, queueTimeSeconds, capacity,
                countOnlyAnswered, timeZone, workingDays, workingFrom, workingTo, List.copyOf(operators),
                new SessionSettings(welcomeMessage, outOfHoursMessage,
                        daysOff == null || daysOff.isBlank() ? List.of() : List.of(daysOff.split(",")),
                        autoCloseMinutes, voteOnClose, List.copyOf(cannedResponses)));
    }

    /** The channel's working hours, as a rule that answers "open at this instant?". */
    public WorkingHours workingHours() {
        return WorkingHours.of(settings());
    }
}
