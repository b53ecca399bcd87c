/**
 * Conversations between a portal user and support, and their messages: stored before they are
 * acknowledged, numbered in order, never stored twice.
 */
package org.supporthub.core.domain.model.conversation;
