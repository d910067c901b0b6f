export { default } from "@/app/(public)/_pages/not-found";
