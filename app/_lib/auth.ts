import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDatabase } from "@/db/index";
import { createUserSession, redeemLoginTicket } from "@/db/mutations/auth";
import { authSettings } from "./auth-settings";
import { clientAddressFrom } from "./request-info";

/**
 * Auth.js owns the session cookie (a signed, encrypted JWT) and nothing else. The cookie holds
 * only our session id; who the user is, their role and scope, and whether the session still
 * stands are read from the database by the guards on every request.
 *
 * The credentials provider never sees a password: the sign-in actions check password, lock-out
 * and second factor themselves and hand over a one-time ticket, which authorize() spends.
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  secret: process.env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: authSettings.absoluteMinutes * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    Credentials({
      id: "ticket",
      credentials: { ticket: {} },
      async authorize(credentials, request) {
        const ticket = typeof credentials?.ticket === "string" ? credentials.ticket : "";
        if (!ticket) return null;
        const open = await getDatabase();
        const userId = await redeemLoginTicket(open, ticket, "session");
        if (userId === null) return null;
        const sessionId = await createUserSession(open, userId, {
          clientAddress: clientAddressFrom(request.headers),
          userAgent: request.headers.get("user-agent"),
        });
        return sessionId ? { id: sessionId } : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sid = user.id;
      return token;
    },
    session({ session, token }) {
      // Nothing about the user goes into the session object: pages use the guards.
      return { expires: session.expires, sid: typeof token.sid === "string" ? token.sid : undefined } as unknown as typeof session;
    },
  },
});
