package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"companion/model"
	"companion/model/atomicfile"
)

// The before/after photos of the clients: a row each in assessment_photos,
// the image a file in the photos folder. The folder is beside the
// database file (photos/ next to salon.db); a database on a server keeps
// them in the data folder of the computer that added them, under
// photos/<the database's name>. The files of a client are in a folder of
// their own, named by the client's UUID, so that erasing the client
// erases the folder.

// PhotosDir is the folder the photos of this database are kept in.
func (s *Store) PhotosDir() (string, error) {
	if !s.d.postgres {
		return filepath.Join(filepath.Dir(s.path), "photos"), nil
	}
	dir, err := DataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "photos", serverDatabaseName(s.path)), nil
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// serverDatabaseName is the database's name in a server's address, as a
// folder may be named.
func serverDatabaseName(addr string) string {
	name := "postgres"
	if u, err := url.Parse(addr); err == nil {
		if db := strings.Trim(u.Path, "/"); db != "" {
			name = db
		} else if u.User != nil && u.User.Username() != "" {
			name = u.User.Username() // the server's default database
		}
	}
	name = unsafeName.ReplaceAllString(name, "_")
	if name == "." || name == ".." {
		name = "_"
	}
	return name
}

// AddPhoto keeps the image read from r as a photo of the assessment
// p.AssessmentID, with p.Caption: turned upright, scaled down and saved
// as JPEG (preparePhoto) under a new name in the client's folder. p is
// filled in as stored. Like the assessment, it needs the client's consent
// to the processing of health data; it is written to the audit log.
func (s *Store) AddPhoto(ctx context.Context, p *model.Photo, r io.Reader) error {
	if err := s.allow(model.AreaHealth, model.Write); err != nil {
		return err
	}
	if err := p.Validate(); err != nil {
		return err
	}
	owner, err := photoOwner(s.ctx(ctx), p.AssessmentID)
	if err != nil {
		return err
	}
	data, err := io.ReadAll(io.LimitReader(r, model.PhotoMaxBytes+1))
	if err != nil {
		return err
	}
	if len(data) > model.PhotoMaxBytes {
		return model.ErrPhotoTooLarge
	}
	img, w, h, err := preparePhoto(data)
	if err != nil {
		return err
	}
	dir, err := s.PhotosDir()
	if err != nil {
		return err
	}
	p.ID, p.UUID, p.ClientID, p.On, p.Width, p.Height = 0, uuid.NewString(), owner.clientID, owner.day, w, h
	p.File = path.Join(owner.clientUUID, p.UUID+".jpg")
	file := p.Local(dir)
	if err := os.MkdirAll(filepath.Dir(file), 0o700); err != nil {
		return err
	}
	if err := atomicfile.Write(file, func(w io.Writer) error { _, err := w.Write(img); return err }); err != nil {
		return err
	}
	err = s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		if _, err := photoOwner(tx, p.AssessmentID); err != nil {
			return err // removed, or the consent gone, while the image was made
		}
		if err := tx.Create(p).Error; err != nil {
			return err
		}
		return s.audit(tx, model.AuditEntry{Area: model.AreaHealth, Action: "create", Table: "assessment_photos",
			RecordID: p.ID, Fields: photoFields(p)})
	})
	if err != nil {
		os.Remove(file)
	}
	return err
}

// owner is whose an assessment is and its day.
type owner struct {
	clientID   uint
	clientUUID string
	day        model.Date
}

// photoOwner reads the client and the day of the assessment a photo is
// added to, and checks the client's consent to health data.
func photoOwner(tx *gorm.DB, assessmentID uint) (owner, error) {
	var a model.Assessment
	err := tx.Select("id, client_id, day").Take(&a, assessmentID).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return owner{}, model.ErrNotFound
	} else if err != nil {
		return owner{}, err
	}
	if err := healthConsent(tx, a.ClientID); err != nil {
		return owner{}, err
	}
	var c model.Client
	if err := tx.Select("id, uuid").Take(&c, a.ClientID).Error; err != nil {
		return owner{}, err
	}
	return owner{clientID: c.ID, clientUUID: c.UUID, day: a.On}, nil
}

// photoFields names what a photo holds, for the audit log.
func photoFields(p *model.Photo) string {
	fields := "assessment_id,file,day,width,height"
	if p.Caption != "" {
		fields += ",caption"
	}
	return fields
}

// Photos returns a client's photos, the oldest first.
func (s *Store) Photos(ctx context.Context, clientID uint) ([]model.Photo, error) {
	if err := s.allow(model.AreaHealth, model.Read); err != nil {
		return nil, err
	}
	return photosWhere(s.ctx(ctx), "client_id = ?", clientID)
}

func photosWhere(tx *gorm.DB, where string, args ...any) ([]model.Photo, error) {
	out := []model.Photo{}
	err := tx.Where(where, args...).Order("day, id").Find(&out).Error
	return out, err
}

// ReadPhoto reads a photo's image (JPEG). A photo whose file is not in
// the photos folder of this computer is model.ErrPhotoMissing.
func (s *Store) ReadPhoto(ctx context.Context, id uint) ([]byte, error) {
	if err := s.allow(model.AreaHealth, model.Read); err != nil {
		return nil, err
	}
	var p model.Photo
	if err := s.ctx(ctx).Take(&p, id).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, model.ErrNotFound
	} else if err != nil {
		return nil, err
	}
	dir, err := s.PhotosDir()
	if err != nil {
		return nil, err
	}
	file := p.Local(dir)
	if file == "" {
		return nil, model.ErrPhotoMissing
	}
	data, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, model.ErrPhotoMissing
	}
	return data, err
}

// DeletePhoto removes a photo: its row, noted in the audit log, and its
// file. The file goes before the row is committed: a file that cannot be
// removed keeps the row, so that no image stays behind unlisted.
func (s *Store) DeletePhoto(ctx context.Context, id uint) error {
	if err := s.allow(model.AreaHealth, model.Delete); err != nil {
		return err
	}
	dir, err := s.PhotosDir()
	if err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		var p model.Photo
		if err := tx.Take(&p, id).Error; errors.Is(err, gorm.ErrRecordNotFound) {
			return model.ErrNotFound
		} else if err != nil {
			return err
		}
		if err := tx.Delete(&model.Photo{}, id).Error; err != nil {
			return err
		}
		if err := s.audit(tx, model.AuditEntry{Area: model.AreaHealth, Action: "delete", Table: "assessment_photos",
			RecordID: id, Fields: photoFields(&p)}); err != nil {
			return err
		}
		return removePhotoFiles(dir, []model.Photo{p}, "")
	})
}

// removePhotoFiles removes the photos' files from the photos folder dir,
// and the folder of the client with clientUUID (not "") with whatever else
// it holds; what is gone already is no error.
func removePhotoFiles(dir string, photos []model.Photo, clientUUID string) error {
	for _, p := range photos {
		if file := p.Local(dir); file != "" {
			if err := os.Remove(file); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("remove the photo %s: %w", file, err)
			}
		}
	}
	if clientUUID == "" || !filepath.IsLocal(clientUUID) {
		return nil
	}
	if err := os.RemoveAll(filepath.Join(dir, clientUUID)); err != nil {
		return fmt.Errorf("remove the client's photos: %w", err)
	}
	return nil
}
