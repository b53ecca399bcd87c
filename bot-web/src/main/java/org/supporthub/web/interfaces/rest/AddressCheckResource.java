package org.supporthub.web.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.supporthub.activation.domain.model.address.AddressPolicy;
import org.supporthub.activation.domain.model.address.AddressVerdict;

import java.util.List;

/**
 * Tells a support manager why a customer's address is refused: parse, resolve and classify only, the
 * same policy activation applies, without connecting anywhere.
 */
@Path("/v1/admin/address-check")
@RolesAllowed("manager")
@RequestScoped
public class AddressCheckResource {

    /** The question. */
    public record AddressQuestion(String address) {
    }

    /** The verdict, with the reason's detail code. */
    public record AddressAnswer(String verdict, String detail, List<String> addresses) {
    }

    @Inject
    AddressPolicy policy;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response check(AddressQuestion question) {
        if (question == null || question.address() == null) {
            return Problem.response(new Problem("https://support-hub.example/problems/invalid-request",
                    "The request is not valid", 400, "1 field(s) are not valid",
                    List.of(new Problem.FieldError("address", "must be a string"))));
        }
        AddressVerdict v = policy.check(question.address());
        return Response.ok(new AddressAnswer(v.verdict().name(), v.detail(),
                v.addresses().stream().map(a -> a.getHostAddress()).toList())).build();
    }
}
