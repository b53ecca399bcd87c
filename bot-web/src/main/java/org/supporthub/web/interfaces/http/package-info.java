/** What the hub adds to every HTTP answer, pages and API alike: the browser security headers. */
package org.supporthub.web.interfaces.http;
