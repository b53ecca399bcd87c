/**
 * The vendor's support policy as data, and the result of triaging a question against it: which area it
 * belongs to and whether support covers it ({@link org.supporthub.core.domain.model.policy.Coverage}).
 */
package org.supporthub.core.domain.model.policy;
