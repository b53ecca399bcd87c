package org.supporthub.routing.domain.model.session;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.supporthub.routing.domain.model.SupportSessionEvent;
import org.supporthub.routing.domain.model.SupportSessionLifecycle;
import org.supporthub.routing.domain.model.SupportSessionState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One administrator question on its way to an operator and back: from asking, through the channel's
 * queue and offers, to an operator who owns and answers it, to closing and the administrator's vote.
 *
 * <p>Every move goes through {@link SupportSessionLifecycle}; callers hold the row lock
 * ({@code SELECT … FOR UPDATE}) while they move it, so two hub instances never move it from the same
 * state twice. While the session is open, {@code openKey} holds the conversation id: its unique key is
 * what keeps a conversation at one open session, also when two tabs ask at the same moment.
 */
@Entity
@Table(name = "support_session")
public class SupportSession {

    /** The first question as operators see it in their list; the whole text is in the conversation. */
    public static final int FIRST_MESSAGE_PREVIEW = 500;

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "conversation_id", nullable = false, length = 36)
    private String conversationId;

    @Column(name = "open_key", length = 36)
    private String openKey;

    @Column(name = "portal_id", nullable = false, length = 36)
    private String portalId;

    @Column(name = "channel_id", nullable = false, length = 36)
    private String channelId;

    @Column(name = "locale", nullable = false, length = 5)
    private String locale;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 10)
    private SupportSessionState state;

    @Column(name = "operator", length = 100)
    private String operator;

    @Column(name = "asked_at", nullable = false)
    private Instant askedAt;

    /** The conversation's sequence numbers this session spans: its question, and its last message once closed. */
    @Column(name = "first_seq", nullable = false)
    private long firstSeq;

    @Column(name = "last_seq")
    private Long lastSeq;

    @Column(name = "first_message", nullable = false, length = FIRST_MESSAGE_PREVIEW)
    private String firstMessage;

    /** When the current offer was made, or the last one lapsed: the queue time counts from here. */
    @Column(name = "offered_at")
    private Instant offeredAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "support_session_offer", joinColumns = @JoinColumn(name = "session_id"))
    @Column(name = "username", length = 100)
    private Set<String> offeredTo = new LinkedHashSet<>();

    /** Operators already offered the session in this round, comma separated. */
    @Column(name = "tried", length = 4000)
    private String tried;

    /** The operator a transfer named: offered the session before anyone else. */
    @Column(name = "preferred_operator", length = 100)
    private String preferredOperator;

    @Column(name = "note", length = 1000)
    private String note;

    @Column(name = "last_activity_at", nullable = false)
    private Instant lastActivityAt;

    @Column(name = "assigned_at")
    private Instant assignedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "vote", length = 10)
    private Vote vote;

    @Column(name = "vote_comment", length = 1000)
    private String voteComment;

    @Column(name = "vote_requested", nullable = false)
    private boolean voteRequested;

    /** The policy area triage (or an operator's correction) put the question in; null: unclear. */
    @Column(name = "area", length = 20)
    private String area;

    @Column(name = "coverage", length = 20)
    private String coverage;

    @Column(name = "triage_confidence")
    private Double triageConfidence;

    @Column(name = "policy_item", length = 20)
    private String policyItem;

    /**
     * Waiting for the administrator: triage found the question not covered by support, and the session is
     * routed only if they ask for it ("send to support anyway").
     */
    @Column(name = "held", nullable = false)
    private boolean held;

    /**
     * When the session joined its channel's queue: at the question, or when the administrator sent a held
     * one anyway. Queue and first-response times count from here, so that the time the administrator took
     * to decide is not counted against support.
     */
    @Column(name = "queued_at")
    private Instant queuedAt;

    /** From {@code queuedAt} to the first operator who accepted; later accepts (after a transfer) keep it. */
    @Column(name = "queue_millis")
    private Long queueMillis;

    /** From {@code queuedAt} to the first operator reply. */
    @Column(name = "first_response_millis")
    private Long firstResponseMillis;

    /** Triage held the session as not covered, and the administrator sent it to support anyway. */
    @Column(name = "sent_anyway", nullable = false)
    private boolean sentAnyway;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", length = 30)
    private SessionOutcome outcome;

    /**
     * Nobody could take the question when it was asked (out of hours, no operator online, the queue time
     * passed), and the administrator left it for later with {@code contactEmail}: it keeps its place in the
     * queue and the answer reaches them by mail once an operator gives it.
     */
    @Column(name = "left_for_later", nullable = false)
    private boolean leftForLater;

    /** Where the administrator asked to be written to; null: the address of their token, if any. */
    @Column(name = "contact_email", length = 254)
    private String contactEmail;

    /** The bot offered to leave the question for later; it offers once per session. */
    @Column(name = "later_offered", nullable = false)
    private boolean laterOffered;

    /** When an answer was last mailed; the quiet period counts from here. */
    @Column(name = "last_mailed_at")
    private Instant lastMailedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected SupportSession() {
        // for JPA
    }

    public SupportSession(String id, String conversationId, String portalId, String channelId, String locale,
                          long firstSeq, String firstMessage, Instant askedAt) {
        this.firstSeq = firstSeq;
        this.id = Objects.requireNonNull(id);
        this.conversationId = Objects.requireNonNull(conversationId);
        this.openKey = conversationId;
        this.portalId = Objects.requireNonNull(portalId);
        this.channelId = Objects.requireNonNull(channelId);
        this.locale = Objects.requireNonNull(locale);
        this.firstMessage = preview(firstMessage);
        this.askedAt = Objects.requireNonNull(askedAt);
        this.lastActivityAt = askedAt;
        this.queuedAt = askedAt;
        this.state = SupportSessionState.WAITING;
    }

    private static String preview(String text) {
        String t = Objects.requireNonNull(text);
        return t.length() <= FIRST_MESSAGE_PREVIEW ? t : t.substring(0, FIRST_MESSAGE_PREVIEW - 1) + "…";
    }

    private void move(SupportSessionEvent event) {
        state = SupportSessionLifecycle.apply(state, event);
    }

    /** Offers the session to {@code operators}; they join this round's tried operators. */
    public void offer(List<String> operators, Instant now) {
        move(SupportSessionEvent.OFFER);
        offeredTo = new LinkedHashSet<>(operators);
        Set<String> t = tried();
        t.addAll(operators);
        tried = String.join(",", t);
        offeredAt = now;
    }

    /** The queue time passed, or every offered operator skipped: back to waiting, ready for the next. */
    public void offerLapsed(Instant now) {
        move(SupportSessionEvent.OFFER_EXPIRED);
        offeredTo.clear();
        preferredOperator = null;
        offeredAt = now;
    }

    /**
     * Takes back the offer to one operator (they skipped, went away or were lost). When nobody is left
     * with the offer the session waits again.
     *
     * @param lost whether the operator was lost rather than declining
     */
    public void withdrawOffer(String username, boolean lost, Instant now) {
        if (state != SupportSessionState.OFFERED || !offeredTo.remove(username)) {
            return;
        }
        if (lost) {
            // Lost is not declined: once back, they may be offered it again in this round.
            Set<String> t = tried();
            t.remove(username);
            tried = t.isEmpty() ? null : String.join(",", t);
        }
        if (offeredTo.isEmpty()) {
            move(lost ? SupportSessionEvent.OPERATOR_LOST : SupportSessionEvent.OFFER_EXPIRED);
            preferredOperator = null;
            offeredAt = now;
        }
    }

    /** Starts a new round: everyone may be offered the session again. */
    public void forgetTried() {
        tried = null;
    }

    public void accept(String username, Instant now) {
        move(SupportSessionEvent.ACCEPT);
        operator = Objects.requireNonNull(username);
        offeredTo.clear();
        tried = null;
        preferredOperator = null;
        assignedAt = now;
        lastActivityAt = now;
        if (queueMillis == null && queuedAt != null) {
            queueMillis = millisSinceQueued(now);
        }
    }

    private long millisSinceQueued(Instant now) {
        return Math.max(0, now.toEpochMilli() - queuedAt.toEpochMilli());
    }

    public void operatorReplied(Instant now) {
        move(SupportSessionEvent.OPERATOR_REPLIED);
        lastActivityAt = now;
        if (firstResponseMillis == null && queuedAt != null) {
            firstResponseMillis = millisSinceQueued(now);
        }
    }

    /** The administrator wrote again in the open session. */
    public void administratorWrote(Instant now) {
        lastActivityAt = now;
    }

    /**
     * Hands the session back to a queue: the same channel's for another operator, or another channel's.
     * The operator who hands it over is not offered it again in this round.
     */
    public void transfer(String toChannel, String toOperator, String note, Instant now) {
        String from = operator;
        move(SupportSessionEvent.TRANSFER);
        operator = null;
        tried = from;
        offeredAt = now;
        lastActivityAt = now;
        this.note = note == null || note.isBlank() ? null : note.strip();
        this.preferredOperator = toOperator;
        if (toChannel != null) {
            channelId = toChannel;
        }
    }

    /**
     * The owning operator was lost past the grace period: back to the queue, first in line still, and a
     * new round, so that the operator, once back, may be offered it again like anyone else.
     */
    public void operatorLost(Instant now) {
        move(SupportSessionEvent.OPERATOR_LOST);
        operator = null;
        tried = null;
        offeredAt = now;
    }

    /** Marks the end of the session's part of the conversation, for its transcript. */
    public void endsAt(long seq) {
        lastSeq = seq;
    }

    public long firstSeq() {
        return firstSeq;
    }

    public Optional<Long> lastSeq() {
        return Optional.ofNullable(lastSeq);
    }

    /** Ends the session; {@code end} and whether an operator ever replied decide its {@link SessionOutcome}. */
    public void close(SessionEnd end, boolean askForVote, Instant now) {
        // ANSWERED also counts for a session answered before its first reply was recorded (V30).
        boolean answered = firstResponseMillis != null || state == SupportSessionState.ANSWERED;
        move(SupportSessionEvent.CLOSE);
        outcome = SessionOutcome.of(Objects.requireNonNull(end), answered);
        openKey = null;
        offeredTo.clear();
        preferredOperator = null;
        closedAt = now;
        voteRequested = askForVote;
    }

    /** Whether the administrator may still rate the session. */
    public boolean voteOpen() {
        return state == SupportSessionState.CLOSED && voteRequested && vote == null;
    }

    public void vote(Vote value, String comment) {
        if (!voteOpen()) {
            throw new IllegalStateException("Session " + id + " takes no vote now");
        }
        vote = Objects.requireNonNull(value);
        voteComment = comment == null || comment.isBlank() ? null : comment.strip();
    }

    /** Records what triage made of the question, and whether to wait for the administrator. */
    public void triaged(String area, String coverage, double confidence, String policyItem, boolean hold) {
        this.area = area;
        this.coverage = coverage;
        this.triageConfidence = confidence;
        this.policyItem = policyItem;
        this.held = hold;
        if (hold) {
            // Not in the queue until the administrator decides: see release.
            queuedAt = null;
        }
    }

    /** An operator corrects the label. */
    public void relabel(String area, String coverage) {
        this.area = Objects.requireNonNull(area);
        this.coverage = Objects.requireNonNull(coverage);
    }

    /** The administrator asked for support anyway: the session joins the queue now. */
    public void release(Instant now) {
        held = false;
        sentAnyway = true;
        queuedAt = Objects.requireNonNull(now);
    }

    /**
     * Marks that the bot offered to leave the question for later.
     *
     * @return whether this is the first offer (the bot offers once per session)
     */
    public boolean offerLater() {
        if (laterOffered || !isUnassigned()) {
            return false;
        }
        laterOffered = true;
        return true;
    }

    /**
     * The administrator leaves the question for support: it stays in the queue, marked, so that any
     * operator may still take it, and answers reach {@code email} while they are away.
     */
    public void leaveForLater(String email) {
        if (!isUnassigned()) {
            throw new IllegalStateException("Session " + id + " is already taken");
        }
        leftForLater = true;
        laterOffered = true;
        contactEmail = Objects.requireNonNull(email);
    }

    public boolean leftForLater() {
        return leftForLater;
    }

    public boolean laterOffered() {
        return laterOffered;
    }

    public Optional<String> contactEmail() {
        return Optional.ofNullable(contactEmail);
    }

    /**
     * Whether an answer may be mailed now: none was in the last {@code quietPeriod}; when it may, the
     * quiet period starts again now. Called under the session's row lock, so two instances never both mail.
     */
    public boolean mayMailAnswer(java.time.Duration quietPeriod, Instant now) {
        if (lastMailedAt != null && lastMailedAt.plus(quietPeriod).isAfter(now)) {
            return false;
        }
        lastMailedAt = now;
        return true;
    }

    public Optional<Instant> lastMailedAt() {
        return Optional.ofNullable(lastMailedAt);
    }

    public boolean sentAnyway() {
        return sentAnyway;
    }

    public Optional<Instant> queuedAt() {
        return Optional.ofNullable(queuedAt);
    }

    public Optional<Long> queueMillis() {
        return Optional.ofNullable(queueMillis);
    }

    public Optional<Long> firstResponseMillis() {
        return Optional.ofNullable(firstResponseMillis);
    }

    /** How the session turned out; empty while it is open (and for sessions closed before it was recorded). */
    public Optional<SessionOutcome> outcome() {
        return Optional.ofNullable(outcome);
    }

    public boolean held() {
        return held;
    }

    public Optional<String> area() {
        return Optional.ofNullable(area);
    }

    public Optional<String> coverage() {
        return Optional.ofNullable(coverage);
    }

    public Optional<Double> triageConfidence() {
        return Optional.ofNullable(triageConfidence);
    }

    public Optional<String> policyItem() {
        return Optional.ofNullable(policyItem);
    }

    public Set<String> tried() {
        return tried == null || tried.isBlank() ? new LinkedHashSet<>()
                : new LinkedHashSet<>(Arrays.asList(tried.split(",")));
    }

    public boolean isOpen() {
        return state != SupportSessionState.CLOSED;
    }

    /** Waiting or offered: nobody owns it yet, so it holds a place in the queue (unless it is held). */
    public boolean isUnassigned() {
        return state == SupportSessionState.WAITING || state == SupportSessionState.OFFERED;
    }

    /** In the channel's queue: unassigned and not held for the administrator's decision. */
    public boolean isQueued() {
        return isUnassigned() && !held;
    }

    public String id() {
        return id;
    }

    public String conversationId() {
        return conversationId;
    }

    public String portalId() {
        return portalId;
    }

    public String channelId() {
        return channelId;
    }

    public String locale() {
        return locale;
    }

    public SupportSessionState state() {
        return state;
    }

    public Optional<String> operator() {
        return Optional.ofNullable(operator);
    }

    public Instant askedAt() {
        return askedAt;
    }

    public String firstMessage() {
        return firstMessage;
    }

    public Optional<Instant> offeredAt() {
        return Optional.ofNullable(offeredAt);
    }

    public List<String> offeredTo() {
        return new ArrayList<>(offeredTo);
    }

    public Optional<String> preferredOperator() {
        return Optional.ofNullable(preferredOperator);
    }

    public Optional<String> note() {
        return Optional.ofNullable(note);
    }

    public Instant lastActivityAt() {
        return lastActivityAt;
    }

    public Optional<Instant> closedAt() {
        return Optional.ofNullable(closedAt);
    }

    public Optional<Vote> vote() {
        return Optional.ofNullable(vote);
    }

    public Optional<String> voteComment() {
        return Optional.ofNullable(voteComment);
    }
}
