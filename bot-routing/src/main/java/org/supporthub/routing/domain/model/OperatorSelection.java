package org.supporthub.routing.domain.model;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The rule that decides, for a channel's {@link RoutingMode}, which operators a waiting session is offered
 * to next. Pure and stateless: it reads a snapshot of the operators and returns operator ids, so the same
 * answer comes out for the same input and the rule is tested as a table.
 *
 * <p><b>Eligibility.</b> Only operators who are {@link OperatorCandidate#online() online} and
 * {@link OperatorCandidate#hasCapacity(boolean) under capacity} can be offered anything.
 *
 * <p><b>The modes.</b>
 * <ul>
 *   <li>{@link RoutingMode#STRICT}: the first eligible operator in channel order not yet tried.</li>
 *   <li>{@link RoutingMode#EVENLY}: the eligible operator idle the longest (oldest
 *       {@link OperatorCandidate#idleSince() idleSince}) not yet tried; ties go to the one earlier in the
 *       channel order.</li>
 *   <li>{@link RoutingMode#ALL}: every eligible operator not yet tried, in channel order.</li>
 *   <li>{@link RoutingMode#MANUAL}: nobody; the session waits on the shared list that operators pick from.</li>
 * </ul>
 *
 * <p><b>Rounds.</b> When every eligible operator has already been tried, {@code STRICT} and
 * {@code EVENLY} start a new round: they ignore {@code alreadyTried} and pick as if nobody had been tried.
 * We chose this over leaving the session unoffered because an administrator waiting for help is worse off
 * in a silent queue than with a second offer to an operator who may have become free meanwhile. A caller
 * recognises a new round by the returned operator being in {@code alreadyTried}, and then restarts its
 * record of tried operators. {@code ALL} does not start a new round: it already offered the session to all
 * of them at once, and offering it to the same people again adds nothing; the session waits for a new
 * operator to become eligible, or for the caller to clear {@code alreadyTried} once the queue time passed.
 */
public final class OperatorSelection {

    /** Channel order first; the id only makes the order total when two operators share a position. */
    private static final Comparator<OperatorCandidate> CHANNEL_ORDER =
            Comparator.comparingInt(OperatorCandidate::order).thenComparing(OperatorCandidate::operatorId);

    private static final Comparator<OperatorCandidate> LONGEST_IDLE =
            Comparator.comparing(OperatorCandidate::idleSince).thenComparing(CHANNEL_ORDER);

    private OperatorSelection() {
    }

    /**
     * @param mode              the channel's routing mode
     * @param candidates        the channel's operators; their ids must be distinct
     * @param alreadyTried      ids of operators the session was already offered to in the current round
     * @param countOnlyAnswered whether the channel counts only answered sessions towards capacity
     * @return ids of the operators to offer the session to, in the order to offer it; empty when there is
     *         nobody to offer it to (or, for {@code MANUAL}, never anybody)
     */
    public static List<String> operatorsToOffer(RoutingMode mode,
                                                List<OperatorCandidate> candidates,
                                                Set<String> alreadyTried,
                                                boolean countOnlyAnswered) {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(alreadyTried, "alreadyTried");
        List<OperatorCandidate> eligible = eligibleInChannelOrder(candidates, countOnlyAnswered);

        return switch (mode) {
            case STRICT -> firstOf(eligible, alreadyTried, CHANNEL_ORDER);
            case EVENLY -> firstOf(eligible, alreadyTried, LONGEST_IDLE);
            case ALL -> eligible.stream()
                    .filter(operator -> !alreadyTried.contains(operator.operatorId()))
                    .map(OperatorCandidate::operatorId)
                    .toList();
            case MANUAL -> List.of();
        };
    }

    private static List<OperatorCandidate> eligibleInChannelOrder(List<OperatorCandidate> candidates,
                                                                  boolean countOnlyAnswered) {
        Objects.requireNonNull(candidates, "candidates");
        Set<String> seen = new HashSet<>();
        for (OperatorCandidate candidate : candidates) {
            Objects.requireNonNull(candidate, "candidates must not contain null");
            if (!seen.add(candidate.operatorId())) {
                // Two snapshots of one operator would give them two chances, or two offers in ALL mode.
                throw new IllegalArgumentException("Operator listed twice: " + candidate.operatorId());
            }
        }
        return candidates.stream()
                .filter(OperatorCandidate::online)
                .filter(operator -> operator.hasCapacity(countOnlyAnswered))
                .sorted(CHANNEL_ORDER)
                .toList();
    }

    /** The best untried operator by {@code preference}; the best of all when everyone was tried (new round). */
    private static List<String> firstOf(List<OperatorCandidate> eligible,
                                        Set<String> alreadyTried,
                                        Comparator<OperatorCandidate> preference) {
        return eligible.stream()
                .filter(operator -> !alreadyTried.contains(operator.operatorId()))
                .min(preference)
                .or(() -> eligible.stream().min(preference))
                .map(operator -> List.of(operator.operatorId()))
                .orElse(List.of());
    }
}
