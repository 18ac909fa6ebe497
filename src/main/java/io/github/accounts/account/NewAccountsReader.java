package io.github.accounts.account;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/**
 * Reads {@code POST /accounts}' body, an object or an array of them, with the request's own Jackson settings (strict
 * types, unknown fields refused), so that a problem names the field as the client sent it ({@code [2].username}).
 */
class NewAccountsReader extends JsonDeserializer<NewAccounts> {

    @Override
    public NewAccounts deserialize(JsonParser json, DeserializationContext context) throws IOException {
        return switch (json.currentToken()) {
            case START_OBJECT -> NewAccounts.one(context.readValue(json, NewAccount.class));
            case START_ARRAY -> NewAccounts.many(context.readValue(json,
                    context.getTypeFactory().constructCollectionType(List.class, NewAccount.class)));
            default -> throw ValueInstantiationException.from(json, "not an account", context.constructType(NewAccounts.class),
                    new IllegalArgumentException("must be an account object or an array of them"));
        };
    }
}
