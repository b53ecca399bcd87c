package org.supporthub.web.interfaces.rest;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Console calls that any console login may make ({@code Authorization: Bearer …}), an operator's or a
 * manager's: who am I, log out. Calls that act on sessions stay {@link OperatorAuthenticated}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface StaffAuthenticated {
}
