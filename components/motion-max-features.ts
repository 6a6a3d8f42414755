import { domMax } from "framer-motion";

// Layout animations (cards moving to new places) need domMax; only the timeline reveal loads it.
export default domMax;
