/** The vendor's support staff: operators who answer from the agent console, and managers. */
package org.supporthub.core.domain.model.staff;
