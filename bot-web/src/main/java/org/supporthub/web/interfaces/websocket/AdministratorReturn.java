package org.supporthub.web.interfaces.websocket;

/**
 * The user of a conversation came back to the chat: their widget connected after none had been open for
 * at least {@code support.hub.delivery.return-after-seconds}.
 *
 * @param name the user's name, as the operator sees it
 */
public record AdministratorReturn(String conversationId, String name) {
}
