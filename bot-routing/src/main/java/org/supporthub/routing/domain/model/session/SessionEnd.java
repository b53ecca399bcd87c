package org.supporthub.routing.domain.model.session;

/** Who or what ended a support session. */
public enum SessionEnd {

    /** An operator closed it: its owner, or an operator of its channel while nobody held it (spam). */
    OPERATOR,

    /** Nobody wrote for longer than the channel's auto-close time while an operator held it. */
    INACTIVITY,

    /** The administrator who asked ended it from the widget. */
    ADMINISTRATOR
}
