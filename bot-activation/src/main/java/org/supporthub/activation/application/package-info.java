/** Activation use cases offered to the web layer. */
package org.supporthub.activation.application;
