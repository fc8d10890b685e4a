package kit

// PageFeedback is the client's feedback page of the profile: complaints,
// thanks and suggestions, and the complaint's steps.
const PageFeedback Page = "feedback"
