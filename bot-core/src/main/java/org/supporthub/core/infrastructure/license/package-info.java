/** Where the vendor's licence keys come from. */
package org.supporthub.core.infrastructure.license;
