/**
 * The user columns read in more than one place, named once: who the account is and where it
 * belongs (the session's user in db/queries/auth.ts, the edit form in db/queries/users.ts, the
 * before-values an account edit audits in db/mutations/users.ts). Never the password hash or the
 * TOTP secret.
 */
import { users } from "./schema";

export const userAccountColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  districtId: users.districtId,
  departmentId: users.departmentId,
  active: users.active,
};
