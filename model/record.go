package model

// ClientRecord is everything the salon keeps about one client: what the
// client may ask to see, take away (PDF, JSON) or have erased.
type ClientRecord struct {
	Client      Client
	Visits      []Visit    // newest first, with their lines
	Cards       []CardView // newest sale first
	Assessments []Assessment
	Contacts    []Contact // newest first

	ReferrerName string          // the client who brought this one; "" for none
	StaffNames   map[uint]string // the staff of the visit lines, by ID
	TopicTitles  map[uint]string // the intro topics of the contacts, by ID

	// What the client's feedback says of the relationship, for the trust
	// stage: the average rating (0 for none) and the complaints still open.
	AvgRating      float64 `json:"-"`
	OpenComplaints int     `json:"-"`
}

// Trust is the client's trust stage on day today, their feedback counted.
func (r ClientRecord) Trust(today Date) Trust {
	return TrustStage(today, r.Client.FirstVisitOn, r.Client.VisitCount, r.AvgRating, r.OpenComplaints)
}

// AnonymousName is the last name an anonymised client keeps: the visits
// stay in the books under it, without a person behind them.
const AnonymousName = "Аноним"

// Anonymized reports whether the client was anonymised on request.
func (c *Client) Anonymized() bool {
	return c.LastName == AnonymousName && c.FirstName == "" && c.Phone == "" && c.ArchivedAt != nil
}
