package store

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"

	"filippo.io/age"

	"companion/model"
	"companion/model/atomicfile"
)

// ScryptWorkFactor is the cost of turning a passphrase into a key (2^18
// rounds, about a second): slow for someone guessing passphrases of a
// stolen copy. Only tests lower it; a file keeps the factor it was made
// with, so decrypting follows the file.
var ScryptWorkFactor = 18

// ageHeader starts every age file.
var ageHeader = []byte("age-encryption.org/v1\n")

// EncryptFile writes src encrypted with a passphrase (age, scrypt) to dst,
// atomically, so a backup can leave the salon's PC on a stick or in the
// cloud without exposing the clients' personal data.
func EncryptFile(src, dst, passphrase string) error {
	if passphrase == "" {
		return &model.FieldError{Field: "passphrase", Key: "backup.err.passphrase_empty"}
	}
	r, err := age.NewScryptRecipient(passphrase)
	if err != nil {
		return err
	}
	r.SetWorkFactor(ScryptWorkFactor)
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	return atomicfile.Write(dst, func(w io.Writer) error {
		enc, err := age.Encrypt(w, r)
		if err != nil {
			return err
		}
		if _, err := io.Copy(enc, in); err != nil {
			return err
		}
		return enc.Close()
	})
}

// DecryptFile writes the content of an encrypted src to dst, atomically. A
// wrong passphrase is a *model.FieldError the person can read.
func DecryptFile(src, dst, passphrase string) error {
	if passphrase == "" {
		return &model.FieldError{Field: "passphrase", Key: "backup.err.passphrase_empty"}
	}
	id, err := age.NewScryptIdentity(passphrase)
	if err != nil {
		return err
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	dec, err := age.Decrypt(bufio.NewReader(in), id)
	var noMatch *age.NoIdentityMatchError
	if errors.As(err, &noMatch) {
		return &model.FieldError{Field: "passphrase", Key: "backup.err.passphrase_wrong"}
	}
	if err != nil {
		return &model.FieldError{Key: "backup.err.not_encrypted", Args: map[string]any{"Path": src, "Detail": err.Error()}}
	}
	return atomicfile.Write(dst, func(w io.Writer) error {
		_, err := io.Copy(w, dec)
		return err
	})
}

// IsEncrypted reports whether the file at path is an age file.
func IsEncrypted(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	head := make([]byte, len(ageHeader))
	n, _ := io.ReadFull(f, head)
	return bytes.Equal(head[:n], ageHeader), nil
}

// BackupEncrypted makes a backup and writes it encrypted with passphrase to
// dest; the plain copy exists only for the moment of encrypting, in the
// backups folder.
func (s *Store) BackupEncrypted(ctx context.Context, dest, passphrase string) (string, error) {
	if err := s.allow(model.AreaBackups, model.Write); err != nil {
		return "", err
	}
	if passphrase == "" {
		return "", &model.FieldError{Field: "passphrase", Key: "backup.err.passphrase_empty"}
	}
	dir := BackupDir(s.path)
	if s.d.postgres {
		dir = os.TempDir() // the copy is the full export (serverBackup)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	tmp, err := os.MkdirTemp(dir, ".encrypt-*")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	plain, err := s.backup(ctx, filepath.Join(tmp, dbBase(s.path)+".db"))
	if err != nil {
		return "", err
	}
	if err := EncryptFile(plain, dest, passphrase); err != nil {
		return "", err
	}
	return dest, nil
}
