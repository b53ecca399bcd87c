/** The people on the customer's side: portal users, identified only by tokens their portal signs. */
package org.supporthub.core.domain.model.user;
