/**
 * Reading JSON that clients send (REST bodies and WebSocket frames) within fixed bounds, so that no input
 * can keep a thread busy or exhaust memory: see {@link org.supporthub.web.interfaces.json.BoundedJson}.
 */
package org.supporthub.web.interfaces.json;
