import { builder } from "./builder.js";
import "./errors.js";
import "../modules/user/user.schema.js";
import "../modules/login/login.schema.js";
import "../modules/client/client.schema.js";
import "../modules/api-token/api-token.schema.js";

export const schema = builder.toSchema();
