package settings

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
	"companion/ui/staff"
	"companion/ui/widgets"
)

// cardTypePay is what payroll needs of a card type: the block whose
// turnover its sales feed, and what one visit of an unlimited card counts
// for the specialist's share.
type cardTypePay struct {
	blockSel *staff.BlockSelect
	value    *widgets.MoneyEntry
	block    *kit.Field
	visit    *kit.Field
}

func newCardTypePay(w fyne.Window, blocks []model.Block, t model.CardType) *cardTypePay {
	p := &cardTypePay{blockSel: staff.NewBlockSelect(blocks, t.BlockID), value: widgets.NewMoneyEntry(w)}
	p.value.Optional = true
	p.value.SetPlaceHolder("0")
	if t.VisitValue != 0 {
		p.value.SetValue(t.VisitValue)
	}
	p.block = kit.NewField("block", i18n.T("payroll.card_type.block"), withHint(p.blockSel.Select, "payroll.card_type.block_hint"))
	p.visit = kit.NewField("visit_value", i18n.T("payroll.card_type.visit_value"), withHint(p.value, "payroll.card_type.visit_value_hint"))
	return p
}

// read puts the block and the value of a visit into c, or says why the
// value could not be read.
func (p *cardTypePay) read(c *model.CardType) *model.FieldError {
	c.BlockID = p.blockSel.ID()
	v, err := p.value.Value("visit_value")
	c.VisitValue = v
	return err
}

// withHint puts a quiet line under an input.
func withHint(input fyne.CanvasObject, key string) fyne.CanvasObject {
	hint := widget.NewLabel(i18n.T(key))
	hint.Importance = widget.LowImportance
	hint.Wrapping = fyne.TextWrapWord
	return container.NewVBox(input, hint)
}
