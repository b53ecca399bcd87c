package org.supporthub.core.application;

/**
 * Deleting a conversation for good (a manager's decision, such as a customer's request to erase their data):
 * its messages, its support sessions, its files' records, and the files' bytes that no other conversation
 * refers to.
 */
public interface ConversationDeletion {

    /** @return false when there is no such conversation */
    boolean delete(String conversationId);
}
