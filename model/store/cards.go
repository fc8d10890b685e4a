package store

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"companion/model"
)

// CardTypes lists the kinds of client card, those no longer sold included,
// by name.
func (s *Store) CardTypes(ctx context.Context) ([]model.CardType, error) {
	if err := s.allow(model.AreaSettings, model.Read); err != nil {
		return nil, err
	}
	ts := []model.CardType{}
	err := s.ctx(ctx).Order("active DESC, name").Find(&ts).Error
	return ts, err
}

// SaveCardType validates and stores a card type: a new one when t.ID is 0.
// Cards already sold keep what they were sold with.
func (s *Store) SaveCardType(ctx context.Context, t *model.CardType) error {
	if err := s.allow(model.AreaSettings, model.Write); err != nil {
		return err
	}
	if err := t.Validate(); err != nil {
		return err
	}
	var err error
	if t.ID == 0 {
		err = s.ctx(ctx).Create(t).Error
	} else {
		res := s.ctx(ctx).Model(t).Select("*").Updates(t)
		if err = res.Error; err == nil && res.RowsAffected == 0 {
			return model.ErrNotFound
		}
	}
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return model.ValidationErrors{{Field: "name", Key: "err.card_type.name_taken"}}
	}
	return err
}

// cardRow is a card with what the store keeps on it.
type cardRow struct {
	model.Card
	VisitsUsed int
	FrozenDays int
	FirstUse   model.Date
}

func loadCardRows(q *gorm.DB) ([]cardRow, error) {
	var rows []cardRow
	err := q.Table("cards").Find(&rows).Error
	return rows, err
}

// cardViews adds to the cards their types, freezes and state on day today.
func cardViews(tx *gorm.DB, rows []cardRow, today model.Date) ([]model.CardView, error) {
	out := make([]model.CardView, 0, len(rows))
	if len(rows) == 0 {
		return out, nil
	}
	var typeIDs, ids []uint
	for _, r := range rows {
		typeIDs, ids = append(typeIDs, r.TypeID), append(ids, r.ID)
	}
	var types []model.CardType
	if err := tx.Where("id IN ?", typeIDs).Find(&types).Error; err != nil {
		return nil, err
	}
	byID := map[uint]model.CardType{}
	for _, t := range types {
		byID[t.ID] = t
	}
	var freezes []model.CardFreeze
	if err := tx.Where("card_id IN ?", ids).Order("from_day").Find(&freezes).Error; err != nil {
		return nil, err
	}
	frozen := map[uint][]model.CardFreeze{}
	for _, f := range freezes {
		frozen[f.CardID] = append(frozen[f.CardID], f)
	}
	for _, r := range rows {
		t := byID[r.TypeID]
		out = append(out, model.CardView{Card: r.Card, Type: t, Freezes: frozen[r.ID],
			State: model.CardStateOf(r.Card, t, frozen[r.ID], r.VisitsUsed, r.FirstUse, today)})
	}
	return out, nil
}

// Cards returns a client's cards with their state today, the newest sale
// first.
func (s *Store) Cards(ctx context.Context, clientID uint) ([]model.CardView, error) {
	if err := s.allow(model.AreaClients, model.Read); err != nil {
		return nil, err
	}
	return s.cardsOf(s.ctx(ctx), clientID)
}

func (s *Store) cardsOf(tx *gorm.DB, clientID uint) ([]model.CardView, error) {
	rows, err := loadCardRows(tx.Where("client_id = ?", clientID).Order("sold_on DESC, id DESC"))
	if err != nil {
		return nil, err
	}
	return cardViews(tx, rows, s.Today())
}

// firstCardNumber is the number of the salon's first card when it numbers
// them itself.
const firstCardNumber = 100001

// SellCard validates and stores a card sold to a client. From the type come
// the validity (from the sale, or from the first visit for a type that
// starts then, unless c.ValidFrom sets a later start), the visits and, when
// c.Price is 0, the price; the discount and what was paid are the sale's.
// An empty number is given the next free one. The client is then found by
// the card's number.
func (s *Store) SellCard(ctx context.Context, c *model.Card) error {
	if err := s.allow(model.AreaClients, model.Write); err != nil {
		return err
	}
	today := s.Today()
	if c.SoldOn.IsZero() {
		c.SoldOn = today
	}
	if c.Price == 0 && c.TypeID != 0 {
		var t model.CardType
		err := s.ctx(ctx).Select("price").Take(&t, c.TypeID).Error
		if err != nil && !errors.Is(err, gorm.ErrRecordNotFound) {
			return err
		}
		c.Price = t.Price
	}
	if err := c.Validate(today); err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		if err := s.periodOpen(tx, c.SoldOn); err != nil {
			return err // the sale would change an approved month's turnover
		}
		if err := fromType(tx, c); err != nil {
			return err
		}
		if err := clientExists(tx, c.ClientID); err != nil {
			return err
		}
		if err := cardNumber(tx, c); err != nil {
			return err
		}
		c.ID, c.Version = 0, 1
		if c.UUID == "" {
			c.UUID = uuid.NewString()
		}
		if err := tx.Create(c).Error; err != nil {
			if errors.Is(err, gorm.ErrDuplicatedKey) {
				return numberTaken(c.Number)
			}
			return err
		}
		if err := refreshCards(tx, []uint{c.ID}); err != nil {
			return err
		}
		return refreshCardNumbers(tx, c.ClientID)
	})
}

// fromType gives a card sold its visits and validity from its type, which
// must be one still sold.
func fromType(tx *gorm.DB, c *model.Card) error {
	var t model.CardType
	if err := tx.Take(&t, c.TypeID).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		return model.ValidationErrors{{Field: "type", Key: "err.card.type_required"}}
	} else if err != nil {
		return err
	}
	if !t.Active {
		return model.ValidationErrors{{Field: "type", Key: "err.card.type_inactive"}}
	}
	c.VisitsIncluded = t.Visits
	if t.ActivateOnFirstVisit {
		c.ValidFrom, c.ValidTo = model.Date{}, model.Date{}
		return nil
	}
	if c.ValidFrom.IsZero() {
		c.ValidFrom = c.SoldOn
	}
	c.ValidTo = c.ValidFrom.AddDays(t.ValidDays - 1)
	return nil
}

func numberTaken(n string) error {
	return model.ValidationErrors{{Field: "number", Key: "err.card.number_taken", Args: map[string]any{"Number": n}}}
}

// cardNumber gives the card the next free number, or checks the one typed.
func cardNumber(tx *gorm.DB, c *model.Card) error {
	if c.Number != "" {
		var n int64
		if err := tx.Table("cards").Where("number = ?", c.Number).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return numberTaken(c.Number)
		}
		return nil
	}
	var last int64
	err := tx.Raw(`SELECT coalesce(max(CAST(number AS BIGINT)), 0) FROM cards
		WHERE ` + dialectOf(tx).onlyDigits("number") + ` AND length(number) <= 12`).Scan(&last).Error
	if err != nil {
		return err
	}
	c.Number = strconv.FormatInt(max(last+1, firstCardNumber), 10)
	return nil
}

// refreshCardNumbers keeps clients.card_numbers, and so the search key, up
// to date with the client's cards.
func refreshCardNumbers(tx *gorm.DB, clientID uint) error {
	var nums []string
	if err := tx.Table("cards").Where("client_id = ?", clientID).Order("id").Pluck("number", &nums).Error; err != nil {
		return err
	}
	var c model.Client
	if err := tx.Take(&c, clientID).Error; err != nil {
		return err
	}
	c.CardNumbers = strings.Join(nums, " ")
	cols := clientKeys(&c)
	cols["card_numbers"] = c.CardNumbers
	return tx.Model(&model.Client{}).Where("id = ?", clientID).UpdateColumns(cols).Error
}

// FreezeCard pauses a card from one day to another, both included, within
// what is left of its type's allowance; the card stays valid as many days
// longer. A refusal is a *model.FieldError.
func (s *Store) FreezeCard(ctx context.Context, cardID uint, from, to model.Date) error {
	if err := s.allow(model.AreaClients, model.Write); err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		if err := takeCards(tx, []uint{cardID}); err != nil {
			return err
		}
		rows, err := loadCardRows(tx.Where("id = ?", cardID))
		if err != nil {
			return err
		}
		if len(rows) == 0 {
			return model.ErrNotFound
		}
		views, err := cardViews(tx, rows, s.Today())
		if err != nil {
			return err
		}
		cv := views[0]
		if err := model.ValidateFreeze(cv.State, cv.Freezes, from, to); err != nil {
			return err
		}
		var used int64
		err = tx.Table("visit_lines l").Joins("JOIN visits v ON v.id = l.visit_id").
			Where("l.card_id = ? AND v.day BETWEEN ? AND ?", cardID, from, to).Count(&used).Error
		if err != nil {
			return err
		}
		if used > 0 {
			return &model.FieldError{Field: "from", Key: "err.freeze.has_visits"}
		}
		if err := tx.Create(&model.CardFreeze{CardID: cardID, From: from, To: to}).Error; err != nil {
			return err
		}
		return refreshCards(tx, []uint{cardID})
	})
}
