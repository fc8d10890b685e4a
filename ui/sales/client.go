package sales

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// clientData is everything the page shows of one client, read at once.
type clientData struct {
	client   model.Client
	sugg     model.Suggestions
	offers   []model.Offer
	told     []model.Presentation
	fresh    []model.Service // new services not yet told
	services map[uint]model.Service
	staff    []model.Staff
	refs     []model.Referral
	names    map[uint]string // the referred clients' names
	asks     []model.AmbassadorAsk
}

// ClientPane is the «Продажи» page of a client's profile.
type ClientPane struct {
	w       fyne.Window
	s       ClientStore
	changed func()

	clientID uint
	current  uint // the client whose rows are wanted; a late answer for another is dropped
	data     clientData

	suggest, limit, offers, fresh, consent, refs *fyne.Container
	withdraw                                     *widget.Button
	root                                         fyne.CanvasObject
}

// NewClientPane makes the page; changed runs after anything is stored and
// reloads it; nil reloads the page alone.
func NewClientPane(w fyne.Window, s ClientStore, changed func()) *ClientPane {
	p := &ClientPane{w: w, s: s, changed: changed}
	p.suggest, p.limit, p.offers = container.NewVBox(), container.NewVBox(), container.NewVBox()
	p.fresh, p.consent, p.refs = container.NewVBox(), container.NewVBox(), container.NewVBox()
	p.withdraw = widget.NewButtonWithIcon(i18n.T("consent.withdraw"), theme.CancelIcon(), p.withdrawConsent)
	p.withdraw.Importance = widget.DangerImportance
	ask := widget.NewButtonWithIcon(i18n.T("sales.ask.do"), theme.ContentAddIcon(), p.askRecommendation)
	body := container.NewVBox(
		heading(i18n.T("sales.suggest.heading")), p.suggest, p.limit,
		widget.NewSeparator(), heading(i18n.T("offer.log.heading")), p.offers,
		widget.NewSeparator(), heading(i18n.T("sales.new.heading")), p.fresh,
		widget.NewSeparator(), heading(i18n.T("consent.heading")),
		container.NewBorder(nil, nil, nil, p.withdraw, p.consent),
		widget.NewSeparator(), container.NewBorder(nil, nil, nil, ask, heading(i18n.T("sales.refs.heading"))), p.refs,
	)
	p.root = container.NewVScroll(container.NewPadded(body))
	return p
}

// Content is the page's widget tree.
func (p *ClientPane) Content() fyne.CanvasObject { return p.root }

// Load reads the client's suggestions, offers, new services, consent and
// referrals off the UI goroutine.
func (p *ClientPane) Load(clientID uint) {
	p.clientID, p.current = clientID, clientID
	kit.Background(func() {
		d, err := p.read(context.Background(), clientID)
		fyne.Do(func() {
			if clientID != p.current {
				return
			}
			if err != nil {
				kit.ShowError(err, p.w)
				return
			}
			p.data = d
			p.show()
		})
	})
}

func (p *ClientPane) read(ctx context.Context, id uint) (clientData, error) {
	d := clientData{services: map[uint]model.Service{}, names: map[uint]string{}}
	var err error
	var catalogue []model.Service
	d.client, err = p.s.Client(ctx, id)
	if err == nil {
		d.sugg, err = p.s.Suggestions(ctx, id)
	}
	if err == nil {
		d.offers, err = p.s.Offers(ctx, id)
	}
	if err == nil {
		d.told, err = p.s.Presentations(ctx, id)
	}
	if err == nil {
		catalogue, err = p.s.Services(ctx)
	}
	if err == nil {
		d.staff, err = p.s.Staff(ctx)
	}
	if err == nil {
		d.refs, err = p.s.Referrals(ctx, id)
	}
	if err == nil {
		d.asks, err = p.s.AmbassadorAsks(ctx, id)
	}
	for _, r := range d.refs {
		if err == nil {
			var c model.Client
			c, err = p.s.Client(ctx, r.ClientID)
			d.names[r.ClientID] = c.FullName()
		}
	}
	for _, sv := range catalogue {
		d.services[sv.ID] = sv
	}
	d.fresh = model.NotPresented(catalogue, d.told, p.s.Today())
	return d, err
}

// saved reloads the page, or has the profile reload all its pages (an
// offer for later is a follow-up on the contacts page).
func (p *ClientPane) saved() {
	if p.changed != nil {
		p.changed()
		return
	}
	p.Load(p.clientID)
}

func (p *ClientPane) withdrawConsent() {
	id := p.clientID
	p.withdraw.Disable()
	kit.Background(func() {
		err := p.s.WithdrawConsent(context.Background(), id)
		fyne.Do(func() {
			p.withdraw.Enable()
			if err != nil {
				kit.ShowError(err, p.w)
				return
			}
			p.saved()
		})
	})
}

func heading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// note is a line of text that wraps.
func note(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}
