import { builder } from "./builder.js";
import "./errors.js";
import "./enums.js";
import "../modules/user/user.schema.js";
import "../modules/login/login.schema.js";
import "../modules/client/client.schema.js";
import "../modules/api-token/api-token.schema.js";
import "../modules/domain/domain.schema.js";
import "../modules/scope/scope.schema.js";
import "../modules/secret/secret.schema.js";
import "../modules/client-user/client-user.schema.js";
import "../modules/access-request/access-request.schema.js";
import "../modules/verification/verification.schema.js";
import "../modules/role/role.schema.js";
import "../modules/member/member.schema.js";
import "../modules/audit/audit.schema.js";
import "../modules/account/account.schema.js";

export const schema = builder.toSchema();
