/** Open channels: the vendor's support queues, their routing settings, operators and working hours. */
package org.supporthub.routing.domain.model.channel;
