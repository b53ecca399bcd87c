/** The development-mode demo portal's server side: it signs demo users' tokens. */
package org.supporthub.web.interfaces.demo;
